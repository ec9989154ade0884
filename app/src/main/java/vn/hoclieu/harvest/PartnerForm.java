package vn.hoclieu.harvest;

/**
 * A new partner, from the admin page's form or the API's JSON.
 *
 * @see HarvestService#register
 */
public class PartnerForm {

    private String name;
    private String baseUrl;
    private String set;
    private String library;
    private String metadataPrefix;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getSet() { return set; }
    public void setSet(String set) { this.set = set; }
    /** A library code here, or empty for a "harvested from" credit only. */
    public String getLibrary() { return library; }
    public void setLibrary(String library) { this.library = library; }
    /** {@code oai_qdc} or {@code oai_dc}; empty: the best the partner offers. */
    public String getMetadataPrefix() { return metadataPrefix; }
    public void setMetadataPrefix(String metadataPrefix) { this.metadataPrefix = metadataPrefix; }
}
