package vn.hoclieu.library;

/**
 * A library as {@code /api/v1/libraries} shows it.
 *
 * @param quotaBytes most bytes of files its resources may hold, or null for none (administrators' calls only)
 */
public record LibraryView(String code, String name, LibraryType type, String district, String ward,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Long quotaBytes) {

    static LibraryView of(Library l) {
        return new LibraryView(l.getCode(), l.getName(), l.getType(), l.getDistrict(), l.getWard(), null);
    }

    /** With the quota, for administrators. */
    static LibraryView forAdministrators(Library l) {
        return new LibraryView(l.getCode(), l.getName(), l.getType(), l.getDistrict(), l.getWard(), l.getQuotaBytes());
    }
}
