package vn.hoclieu.library;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import vn.hoclieu.library.internal.Library;

/**
 * A library as other modules and {@code /api/v1/libraries} see it: read-only, detached from the
 * database, so no other module holds the entity or a relation to it, only the id.
 *
 * @param id the key other modules store (resources, accounts, collections, partners); never in the
 *           JSON, where a library is named by its code
 * @param quotaBytes most bytes of files its resources may hold, or null for none; the public
 *                   directory leaves it out ({@link #withoutQuota()})
 */
public record LibraryView(@JsonIgnore long id, String code, String name, LibraryType type, String district,
                          String ward, @JsonInclude(JsonInclude.Include.NON_NULL) Long quotaBytes) {

    static LibraryView of(Library l) {
        return new LibraryView(l.getId(), l.getCode(), l.getName(), l.getType(), l.getDistrict(), l.getWard(),
                l.getQuotaBytes());
    }

    /** Whether this is the library with that id (null, no library, is never one). */
    public boolean hasId(Long libraryId) {
        return libraryId != null && libraryId == id;
    }

    /** As everyone may see it: the quota is for administrators and the library's own librarians. */
    LibraryView withoutQuota() {
        return new LibraryView(id, code, name, type, district, ward, null);
    }
}
