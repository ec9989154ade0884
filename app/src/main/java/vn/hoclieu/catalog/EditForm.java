package vn.hoclieu.catalog;

import jakarta.validation.constraints.Size;

/**
 * The fields of the edit page: the upload page's, plus publisher and date. Every field is sent,
 * so an empty one clears the value (the page shows them all, filled in).
 */
public class EditForm extends UploadForm {

    @Size(max = 500)
    private String publisher;
    private String date;

    static EditForm of(ResourceView r) {
        EditForm f = new EditForm();
        f.setTitle(r.title());
        f.setCreators(String.join("; ", r.creators()));
        f.setDescription(r.description());
        f.setLanguage(r.language());
        f.setSubjects(String.join("; ", r.subjects()));
        f.setAudience(String.join("; ", r.audience()));
        f.setMaterialType(r.materialType().name());
        f.setLicence(r.licence());
        f.setVisibility(r.visibility().name());
        f.publisher = r.publisher();
        f.date = r.date() == null ? null : r.date().toString();
        return f;
    }

    @Override
    ResourceDraft toDraft() {
        return new ResourceDraft(orEmpty(getTitle()), split(getCreators()), orEmpty(getDescription()),
                orEmpty(getLanguage()), split(getSubjects()), split(getAudience()), getMaterialType(),
                orEmpty(getLicence()), getVisibility(), null, orEmpty(publisher), orEmpty(date));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public String getPublisher() { return publisher; }
    public void setPublisher(String publisher) { this.publisher = publisher; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
}
