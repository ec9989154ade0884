package vn.hoclieu.ingest.internal.scorm;

import java.util.List;

/**
 * What {@code imsmanifest.xml} says, before any of it is checked against the package's files. Hrefs are joined
 * with their {@code xml:base} but otherwise as written: they may be URLs or climb out of the package.
 */
record ManifestDocument(String version, String identifier, String organizationTitle, Lom lom,
        String metadataLocation, List<Item> items, List<Resource> resources) {

    /** The LOM general title and description, either of which may be null. */
    record Lom(String title, String description) {

        static final Lom NONE = new Lom(null, null);

        boolean isEmpty() {
            return title == null && description == null;
        }
    }

    /** An item of the default organization; depth 0 is a top-level item. */
    record Item(int depth, String title, String resourceId) {
    }

    /** A resource; {@code sco} when its SCORM type says so (1.2 {@code scormtype}, 2004 {@code scormType}). */
    record Resource(String id, boolean sco, String href, List<String> files) {
    }
}
