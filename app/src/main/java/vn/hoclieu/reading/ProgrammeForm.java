package vn.hoclieu.reading;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The fields of the new-programme form; the service checks them, so that every path says the same. */
public class ProgrammeForm {

    private Long collection;
    private String title;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private boolean open = true;

    static ProgrammeForm of(ProgrammeView p) {
        ProgrammeForm f = new ProgrammeForm();
        f.collection = p.collection();
        f.title = p.title();
        f.description = p.description();
        f.startsOn = p.startsOn();
        f.endsOn = p.endsOn();
        f.open = p.open();
        return f;
    }

    /** A blank introduction in the form removes it (the API leaves out what it does not change). */
    ProgrammeDraft toDraft() {
        return new ProgrammeDraft(collection, title, description == null ? "" : description, startsOn, endsOn, open);
    }

    public Long getCollection() { return collection; }
    public void setCollection(Long collection) { this.collection = collection; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public boolean isOpen() { return open; }
    public void setOpen(boolean open) { this.open = open; }
}
