package vn.hoclieu.ingest;

import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.MetadataRules;
import vn.hoclieu.catalog.Visibility;

/**
 * What a bulk import says of all its files at once: their licence, type and visibility, for every file
 * whose row in {@code metadata.csv} does not say otherwise (or that has no row). Each field is optional:
 * what is left out is decided as for one upload (the type from the file, visibility public). Checked
 * when the import starts, as an upload's own values are, so a bad value is refused before any file is read.
 *
 * @param licence      an SPDX-style id such as {@code CC-BY-4.0}
 * @param materialType a {@link MaterialType}'s name
 * @param visibility   a {@link Visibility}'s name
 */
public record ImportDefaults(String licence, String materialType, String visibility) {

    public static final ImportDefaults NONE = new ImportDefaults(null, null, null);

    public ImportDefaults {
        licence = MetadataRules.checkedLicence(licence);
        MaterialType type = MetadataRules.parseEnum(MaterialType.class, materialType, "materialType");
        materialType = type == null ? null : type.name();
        Visibility v = MetadataRules.parseEnum(Visibility.class, visibility, "visibility");
        visibility = v == null ? null : v.name();
    }

    /** The file's own value if its row gives one, else the import's. */
    public static String or(String own, String batch) {
        return own == null || own.isBlank() ? batch : own;
    }
}
