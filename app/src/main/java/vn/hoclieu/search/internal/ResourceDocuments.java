package vn.hoclieu.search.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.search.internal.analysis.AdjacentPairs;
import vn.hoclieu.search.internal.analysis.FourForms;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/** Turns a catalogue snapshot into the Lucene document of a resource. */
final class ResourceDocuments {

    /** Folded text: positions for phrases, offsets so highlighting needs no re-analysis (stored beside it for snippets). */
    private static final FieldType FOLDED_INDEXED = new FieldType();
    /** Exact unigrams: positions for accented phrases. */
    private static final FieldType WITH_POSITIONS = new FieldType();
    /** Bigram fields are only ever matched as terms: frequencies suffice. */
    private static final FieldType TERMS_ONLY = new FieldType();
    /** The catch-all field only decides matches: documents suffice. */
    private static final FieldType DOCS_ONLY = new FieldType();

    static {
        FOLDED_INDEXED.setTokenized(true);
        FOLDED_INDEXED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        FOLDED_INDEXED.freeze();
        WITH_POSITIONS.setTokenized(true);
        WITH_POSITIONS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WITH_POSITIONS.freeze();
        TERMS_ONLY.setTokenized(true);
        TERMS_ONLY.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TERMS_ONLY.freeze();
        DOCS_ONLY.setTokenized(true);
        DOCS_ONLY.setOmitNorms(true);
        DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
        DOCS_ONLY.freeze();
    }

    private ResourceDocuments() {
    }

    static Document of(ResourceSnapshot r) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(r.id()), Field.Store.YES));
        doc.add(new StoredField(Fields.VERSION, r.updatedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(Fields.VERSION_VALUE, r.updatedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(Fields.ID_VALUE, r.id()));

        // one carry per field: a phrase can span two values of a field, so can its pairs
        text(doc, Fields.TITLE, r.title(), new AdjacentPairs.Carry());
        AdjacentPairs.Carry creators = new AdjacentPairs.Carry();
        r.creators().forEach(c -> text(doc, Fields.CREATORS, c, creators));
        AdjacentPairs.Carry subjects = new AdjacentPairs.Carry();
        r.subjects().forEach(s -> text(doc, Fields.SUBJECTS, s, subjects));
        text(doc, Fields.DESCRIPTION, r.description(), new AdjacentPairs.Carry());
        AdjacentPairs.Carry texts = new AdjacentPairs.Carry();
        // every document has the pairs field, so that a search can tell an index that has them for all
        doc.add(new StringField(Fields.ALL_PAIRS, Fields.PAIRS_PRESENT, Field.Store.NO));
        for (ResourceSnapshot.FileText file : r.texts()) {
            if (text(doc, Fields.TEXT, file.text(), texts)) {
                doc.add(new StoredField(Fields.DISPLAY_SEGMENTS, Segments.describe(file)));
            }
        }

        doc.add(new StoredField(Fields.DISPLAY_TITLE, r.title()));
        doc.add(new StoredField(Fields.DISPLAY_MATERIAL_TYPE, r.materialType().name()));
        if (r.language() != null) {
            doc.add(new StoredField(Fields.DISPLAY_LANGUAGE, r.language()));
        }
        if (r.libraryCode() != null) {
            doc.add(new StoredField(Fields.DISPLAY_LIBRARY, r.libraryCode()));
        }
        // always stored, empty for "unknown": a document without the field predates it (see ResourceIndexer)
        doc.add(new StoredField(Fields.DISPLAY_LICENCE, r.licence() == null ? "" : r.licence()));
        if (r.hasThumbnail()) {
            doc.add(new StoredField(Fields.DISPLAY_THUMBNAIL, "/api/v1/resources/" + r.id() + "/thumbnail"));
        }

        doc.add(new NumericDocValuesField(Fields.CREATED, r.createdAt().toEpochMilli()));
        doc.add(new SortedDocValuesField(Fields.TITLE_SORT, new BytesRef(sortKey(r.title()))));
        doc.add(new NumericDocValuesField(Fields.POPULARITY, r.popularity()));

        doc.add(new StringField(Fields.VISIBILITY, r.visibility().name(), Field.Store.NO));
        doc.add(new StringField(Fields.STATUS, r.status().name(), Field.Store.NO));
        if (r.libraryId() != null) {
            doc.add(new StringField(Fields.LIBRARY_ID, r.libraryId().toString(), Field.Store.NO));
        }
        if (r.createdBy() != null) {
            doc.add(new StringField(Fields.CREATED_BY, r.createdBy(), Field.Store.NO));
        }
        for (ResourceSnapshot.SharedLibrary shared : r.sharedWith()) {
            doc.add(new StringField(Fields.SHARED_WITH, Long.toString(shared.id()), Field.Store.NO));
        }

        facets(r, (dim, value) -> facet(doc, dim, value));
        return doc;
    }

    /**
     * The facet values of a resource (possibly null or blank), dimension by dimension; the library
     * facet holds the owning library's code and those of the libraries it is shared with. Both
     * backends index these.
     */
    static void facets(ResourceSnapshot r, BiConsumer<String, String> facet) {
        facet.accept(Fields.F_MATERIAL_TYPE, r.materialType().name());
        facet.accept(Fields.F_LANGUAGE, r.language());
        facet.accept(Fields.F_LICENCE, r.licence());
        facet.accept(Fields.F_LIBRARY, r.libraryCode());
        r.sharedWith().stream().map(ResourceSnapshot.SharedLibrary::code)
                .filter(code -> !code.equals(r.libraryCode())).distinct()
                .forEach(code -> facet.accept(Fields.F_LIBRARY, code));
        facet.accept(Fields.F_LIBRARY_TYPE, r.libraryType());
        distinct(r.subjects()).forEach(s -> facet.accept(Fields.F_SUBJECT, s));
        distinct(r.audience()).forEach(a -> facet.accept(Fields.F_AUDIENCE, a));
        distinct(r.mediaTypes()).forEach(m -> facet.accept(Fields.F_MEDIA_TYPE, m));
    }

    /**
     * Above this many characters a value is analysed four times, streaming, instead of once with
     * replays: a replay keeps every token of the value in memory (a few hundred bytes each), which
     * for a book of millions of words would not fit in the heap.
     */
    static final int ONE_PASS_MAX_CHARS = 50_000;

    /**
     * Adds the value's four indexed forms and the value itself, stored. Values up to
     * {@value #ONE_PASS_MAX_CHARS} characters (nearly all) are analysed in one pass
     * ({@link FourForms}: the fields must stay in this order, each replays what the one before it
     * read); longer ones by the four analyzers of the index, which stream.
     *
     * @return whether the value was added (blank ones are not)
     */
    private static boolean text(Document doc, String field, String value, AdjacentPairs.Carry pairs) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.length() > ONE_PASS_MAX_CHARS) {
            doc.add(new Field(field + Fields.EXACT, value, WITH_POSITIONS));
            doc.add(new Field(field + Fields.EXACT_BIGRAMS, value, TERMS_ONLY));
            doc.add(new Field(field + Fields.FOLDED, value, FOLDED_INDEXED));
            doc.add(new Field(field + Fields.FOLDED_BIGRAMS, value, TERMS_ONLY));
            doc.add(new Field(Fields.ALL_FOLDED, value, DOCS_ONLY));
            // an analyzer of its own: the document's fields are all made before any is indexed, and a shared
            // analyzer hands one thread the same reused stream twice
            doc.add(new Field(Fields.ALL_PAIRS, new AdjacentPairs(VietnameseAnalysis.folded()
                    .tokenStream(field + Fields.FOLDED, value), pairs), DOCS_ONLY));
        } else {
            FourForms.Streams forms = FourForms.of(value);
            doc.add(new Field(field + Fields.EXACT, forms.exact(), WITH_POSITIONS));
            doc.add(new Field(field + Fields.EXACT_BIGRAMS, forms.exactBigrams(), TERMS_ONLY));
            doc.add(new Field(field + Fields.FOLDED, forms.folded(), FOLDED_INDEXED));
            doc.add(new Field(field + Fields.FOLDED_BIGRAMS, forms.foldedBigrams(), TERMS_ONLY));
            doc.add(new Field(Fields.ALL_FOLDED, forms.foldedAgain(), DOCS_ONLY));
            doc.add(new Field(Fields.ALL_PAIRS, forms.foldedPairs(pairs), DOCS_ONLY));
        }
        doc.add(new StoredField(field + Fields.FOLDED, value));
        return true;
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value.strip()));
        }
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static String sortKey(String title) {
        String folded = VietnameseAnalysis.fold(title == null ? "" : title).toLowerCase(Locale.ROOT);
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }
}
