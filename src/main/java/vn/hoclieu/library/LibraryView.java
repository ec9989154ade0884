package vn.hoclieu.library;

/** A library as {@code /api/v1/libraries} shows it. */
public record LibraryView(String code, String name, LibraryType type, String district, String ward) {

    static LibraryView of(Library l) {
        return new LibraryView(l.getCode(), l.getName(), l.getType(), l.getDistrict(), l.getWard());
    }
}
