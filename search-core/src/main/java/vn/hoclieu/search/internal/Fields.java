package vn.hoclieu.search.internal;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Every Lucene field name, in one place (Luke's habit). */
final class Fields {

    private Fields() {
    }

    static final String ID = "id";
    /** updatedAt of the resource when indexed, to find stale documents after a crash (stored). */
    static final String VERSION = "version";
    /**
     * The id and the version again as numeric doc values, so that comparing the whole index with the
     * catalogue reads two columns instead of decompressing every stored document, full text included.
     * Fields of their own: Lucene keeps a field's kind for the life of an index, and indexes written
     * before these existed hold "id" and "version" without doc values.
     */
    static final String ID_VALUE = "id.value";
    static final String VERSION_VALUE = "version.value";

    // Searchable text. Each is indexed four ways (see docs/search.md):
    static final String TITLE = "title";
    static final String CREATORS = "creators";
    static final String SUBJECTS = "subjects";
    static final String DESCRIPTION = "description";
    static final String TEXT = "text";
    static final List<String> TEXT_FIELDS = List.of(TITLE, CREATORS, SUBJECTS, DESCRIPTION, TEXT);

    /**
     * The folded syllables of every text field together, terms only: what decides whether a resource
     * matches and how many do (one clause per word; ranking still weighs each field apart).
     */
    static final String ALL_FOLDED = "all.folded";
    /**
     * Every pair of neighbouring folded syllables of each text field, documents only: which resources
     * could hold a phrase (AdjacentPairs), so that a phrase's positions are read for those alone.
     */
    static final String ALL_PAIRS = "all.pairs";
    /** A term of {@link #ALL_PAIRS} in every document that has the field: a pair never contains this character. */
    static final String PAIRS_PRESENT = "\u0001";

    static final String EXACT = ".exact";
    static final String FOLDED = ".folded";
    static final String EXACT_BIGRAMS = ".exact2";
    static final String FOLDED_BIGRAMS = ".folded2";

    // Stored for display.
    static final String DISPLAY_TITLE = "display.title";
    static final String DISPLAY_MATERIAL_TYPE = "display.materialType";
    static final String DISPLAY_LANGUAGE = "display.language";
    static final String DISPLAY_LIBRARY = "display.library";
    static final String DISPLAY_THUMBNAIL = "display.thumbnail";
    /** For the licence badge of a hit; empty when unknown (absent only in documents from before it, re-indexed at start). */
    static final String DISPLAY_LICENCE = "display.licence";
    /** One value per value of the text field, in the same order: see {@link Segments}. */
    static final String DISPLAY_SEGMENTS = "display.segments";

    // Sorting.
    static final String CREATED = "created";
    static final String TITLE_SORT = "title.sort";
    static final String POPULARITY = "popularity";

    // Visibility (mirrors catalog.Access).
    static final String VISIBILITY = "visibility";
    static final String STATUS = "status";
    static final String LIBRARY_ID = "libraryId";
    static final String CREATED_BY = "createdBy";
    /** Ids of the libraries a resource is shared with: their members see it when it is LIBRARY. */
    static final String SHARED_WITH = "sharedWith";

    // Facets (dimensions of SortedSetDocValuesFacetField); these are also the filter names of the API.
    // The library facet holds the owning library and every library the resource is shared with, so
    // that library=X is X's catalogue: its own material and what was shared with it.
    static final String F_MATERIAL_TYPE = "materialType";
    static final String F_LANGUAGE = "language";
    static final String F_SUBJECT = "subject";
    static final String F_AUDIENCE = "audience";
    static final String F_LICENCE = "licence";
    static final String F_LIBRARY = "library";
    static final String F_LIBRARY_TYPE = "libraryType";
    static final String F_MEDIA_TYPE = "mediaType";
    static final List<String> FACETS = List.of(F_MATERIAL_TYPE, F_LANGUAGE, F_SUBJECT, F_AUDIENCE, F_LICENCE,
            F_LIBRARY, F_LIBRARY_TYPE, F_MEDIA_TYPE);
    static final List<String> MULTI_VALUED_FACETS = List.of(F_SUBJECT, F_AUDIENCE, F_MEDIA_TYPE, F_LIBRARY);

    /** The term in any of the given text fields (each name + suffix). */
    static Query inAny(List<String> fields, String suffix, String term) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String f : fields) {
            b.add(new TermQuery(new Term(f + suffix, term)), Occur.SHOULD);
        }
        return b.build();
    }
}
