package vn.hoclieu.catalog;

/**
 * The form an uploader confirms after the upload: the describing fields, filled from what was
 * typed and what extraction found. Only these fields are changed (the licence and visibility
 * chosen on the upload page stay as they are).
 */
public class DescribeForm extends DescriptionFields {

    static DescribeForm of(ResourceView r, String suggestedDescription) {
        DescribeForm f = new DescribeForm();
        f.setTitle(r.title());
        f.setCreators(String.join("; ", r.creators()));
        f.setDescription(r.description() == null || r.description().isBlank() ? suggestedDescription : r.description());
        f.setLanguage(r.language());
        f.setSubjects(String.join("; ", r.subjects()));
        f.setAudience(String.join("; ", r.audience()));
        return f;
    }

    ResourceDraft toDraft() {
        return new ResourceDraft(orEmpty(getTitle()), UploadForm.split(getCreators()), orEmpty(getDescription()),
                orEmpty(getLanguage()), UploadForm.split(getSubjects()), UploadForm.split(getAudience()), null, null,
                null, null, null, null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
