package vn.hoclieu.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The fields of the new-collection and edit forms. */
public class CollectionForm {

    @NotBlank
    @Size(max = CollectionService.MAX_TITLE)
    private String title;
    @Size(max = CollectionService.MAX_DESCRIPTION)
    private String description;
    private String visibility = CollectionVisibility.PRIVATE.name();
    /** A librarian's choice: the library owns it, not the person. */
    private boolean forLibrary;
    /** On a resource's page: the note of the material the new collection is made for. */
    @Size(max = CollectionService.MAX_NOTE)
    private String note;

    CollectionDraft toDraft(String libraryCode) {
        return new CollectionDraft(title, description == null ? "" : description, visibility,
                forLibrary ? libraryCode : null);
    }

    static CollectionForm of(CollectionView c) {
        CollectionForm f = new CollectionForm();
        f.title = c.title();
        f.description = c.description();
        f.visibility = c.visibility().name();
        f.forLibrary = CollectionView.Owner.LIBRARY.equals(c.owner().kind());
        return f;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
    public boolean isForLibrary() { return forLibrary; }
    public void setForLibrary(boolean forLibrary) { this.forLibrary = forLibrary; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
