package vn.hoclieu.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of the upload page. The language is empty unless the uploader chooses one: the file's
 * own language is then read from it, as in a bulk import, so one file gets one language whichever
 * way it came (a default of Vietnamese made an English book Vietnamese).
 */
public class UploadForm extends DescriptionFields {

    private String materialType;
    private String licence = "CC-BY-4.0";
    private String visibility = "PUBLIC";
    /** Several files, each a material of its own (a subtitle still joins its video); else one material. */
    private boolean separate;

    ResourceDraft toDraft() {
        return new ResourceDraft(getTitle(), split(getCreators()), getDescription(), getLanguage(),
                split(getSubjects()), split(getAudience()), materialType, licence, visibility, null, null, null);
    }

    static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[;,]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public String getMaterialType() { return materialType; }
    public void setMaterialType(String materialType) { this.materialType = materialType; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public boolean isSeparate() { return separate; }
    public void setSeparate(boolean separate) { this.separate = separate; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
}
