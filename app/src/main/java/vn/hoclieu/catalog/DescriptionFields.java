package vn.hoclieu.catalog;

import jakarta.validation.constraints.Size;

/** The describing fields the upload, edit and confirmation forms share ({@code catalog/description-fields}). */
public class DescriptionFields {

    @Size(max = 1000)
    private String title;
    @Size(max = 1000)
    private String creators;
    @Size(max = 20000)
    private String description;
    private String language;
    @Size(max = 1000)
    private String subjects;
    @Size(max = 500)
    private String audience;

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
}
