package vn.hoclieu.library;

import org.springframework.util.unit.DataSize;

/**
 * A library as an administrator registers or edits it: the admin form and the JSON of
 * {@code /api/v1/admin/libraries}. The code cannot change once registered (accounts, imports and
 * OAI-PMH sets name libraries by it).
 */
public class LibraryForm {

    private String code;
    private String name;
    private LibraryType type;
    private String district;
    private String ward;
    /** The storage quota as people write it ({@code 500MB}, {@code 2GB}, bytes); blank: no quota. */
    private String quota;
    /** The same in bytes, for API clients (either may be given). */
    private Long quotaBytes;

    static LibraryForm of(LibraryView l) {
        LibraryForm f = new LibraryForm();
        f.code = l.code();
        f.name = l.name();
        f.type = l.type();
        f.district = l.district();
        f.ward = l.ward();
        f.quota = l.quotaBytes() == null ? null : DataSize.ofBytes(l.quotaBytes()).toMegabytes() + "MB";
        if (l.quotaBytes() != null && l.quotaBytes() % (1 << 20) != 0) {
            f.quota = String.valueOf(l.quotaBytes());
        }
        return f;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LibraryType getType() { return type; }
    public void setType(LibraryType type) { this.type = type; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getWard() { return ward; }
    public void setWard(String ward) { this.ward = ward; }
    public String getQuota() { return quota; }
    public void setQuota(String quota) { this.quota = quota; }
    public Long getQuotaBytes() { return quotaBytes; }
    public void setQuotaBytes(Long quotaBytes) { this.quotaBytes = quotaBytes; }
}
