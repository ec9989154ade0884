package vn.hoclieu.catalog;

import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/** The fields of the upload page. */
public class UploadForm {

    @Size(max = 1000)
    private String title;
    @Size(max = 1000)
    private String creators;
    @Size(max = 20000)
    private String description;
    private String language = "vi";
    @Size(max = 1000)
    private String subjects;
    @Size(max = 500)
    private String audience;
    private String materialType;
    private String licence = "CC-BY-4.0";
    private String visibility = "PUBLIC";

    ResourceDraft toDraft() {
        return new ResourceDraft(title, split(creators), description, language, split(subjects), split(audience),
                materialType, licence, visibility, null, null, null);
    }

    static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[;,]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getCreators() { return creators; }
    public void setCreators(String creators) { this.creators = creators; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getSubjects() { return subjects; }
    public void setSubjects(String subjects) { this.subjects = subjects; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public String getMaterialType() { return materialType; }
    public void setMaterialType(String materialType) { this.materialType = materialType; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
}
