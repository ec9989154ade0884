package vn.hoclieu.search.internal;

import org.apache.solr.common.SolrInputDocument;
import vn.hoclieu.catalog.ResourceSnapshot;

/**
 * A catalogue snapshot as the Solr document of a resource: the fields of {@link ResourceDocuments},
 * by the same names. Each text value is sent once, as {@code <field>.folded}; the configset's
 * copyFields give it its exact and bigram forms and the catch-all field, analysed by the plugin's
 * analyzers (the same as the embedded index's).
 */
final class SolrDocuments {

    private SolrDocuments() {
    }

    static SolrInputDocument of(ResourceSnapshot r) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(Fields.ID, Long.toString(r.id()));
        doc.addField(Fields.VERSION, r.updatedAt().toEpochMilli());

        text(doc, Fields.TITLE, r.title());
        r.creators().forEach(c -> text(doc, Fields.CREATORS, c));
        r.subjects().forEach(s -> text(doc, Fields.SUBJECTS, s));
        text(doc, Fields.DESCRIPTION, r.description());
        for (ResourceSnapshot.FileText file : r.texts()) {
            if (text(doc, Fields.TEXT, file.text())) {
                doc.addField(Fields.DISPLAY_SEGMENTS, Segments.describe(file));
            }
        }

        doc.addField(Fields.DISPLAY_TITLE, r.title());
        doc.addField(Fields.DISPLAY_MATERIAL_TYPE, r.materialType().name());
        add(doc, Fields.DISPLAY_LANGUAGE, r.language());
        add(doc, Fields.DISPLAY_LIBRARY, r.libraryCode());
        doc.addField(Fields.DISPLAY_LICENCE, r.licence() == null ? "" : r.licence());
        if (r.hasThumbnail()) {
            doc.addField(Fields.DISPLAY_THUMBNAIL, "/api/v1/resources/" + r.id() + "/thumbnail");
        }

        doc.addField(Fields.CREATED, r.createdAt().toEpochMilli());
        doc.addField(Fields.TITLE_SORT, ResourceDocuments.sortKey(r.title()));
        doc.addField(Fields.POPULARITY, r.popularity());

        doc.addField(Fields.VISIBILITY, r.visibility().name());
        doc.addField(Fields.STATUS, r.status().name());
        if (r.libraryId() != null) {
            doc.addField(Fields.LIBRARY_ID, r.libraryId().toString());
        }
        add(doc, Fields.CREATED_BY, r.createdBy());
        for (ResourceSnapshot.SharedLibrary shared : r.sharedWith()) {
            doc.addField(Fields.SHARED_WITH, Long.toString(shared.id()));
        }

        ResourceDocuments.facets(r, (dim, value) -> facet(doc, dim, value));
        return doc;
    }

    /** The original value, stored and analysed as {@code <field>.folded}; blank values are left out. */
    private static boolean text(SolrInputDocument doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        doc.addField(field + Fields.FOLDED, value);
        return true;
    }

    private static void add(SolrInputDocument doc, String field, String value) {
        if (value != null) {
            doc.addField(field, value);
        }
    }

    private static void facet(SolrInputDocument doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.addField(dim, value.strip());
        }
    }
}
