package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's unified highlighter, answering with the snippet and where its best passage is: which
 * value of the field (one per file) and which form-feed-separated segment of it (page, slide, cue).
 */
final class LocatingHighlighter extends UnifiedHighlighter {

    /**
     * On SolrCloud, the plugin's {@code LocatingSolrHighlighter} uses this class's formatters when a
     * request says {@code hoclieu.locate=best|each}, and answers each snippet as {@code value,segment|html}
     * ({@code hoclieu.minTerms}: {@link EachPassage}'s; {@code hoclieu.breaks=local}: {@link SentenceBreaks}).
     */
    static final String LOCATE = "hoclieu.locate";
    static final String BEST = "best";
    static final String EACH = "each";
    static final String MIN_TERMS = "hoclieu.minTerms";
    static final String BREAKS = "hoclieu.breaks";
    static final String LOCAL_SENTENCES = "local";

    /** A snippet ({@link #toString()} is its HTML) and the place of its best passage. */
    record Located(String html, int value, int segment) {
        @Override
        public String toString() {
            return html;
        }

        /** As the plugin sends it to the app: {@code value,segment|html}, with no NUL (Solr splits snippets at NUL). */
        String placed() {
            return value + "," + segment + "|" + html.replace('\0', ' ');
        }
    }

    /** Stored fields read in the same pass as the highlighted ones, and what was read of them per document. */
    private final Set<String> keep;
    private final Map<Integer, Document> kept = new HashMap<>();

    LocatingHighlighter(Builder builder) {
        this(builder, Set.of());
    }

    /**
     * @param keep stored fields to keep from the same read of each document as its highlighted fields
     *             ({@link #kept}): a hit's stored fields are decompressed once, not once for its snippet and
     *             again for what it shows
     */
    LocatingHighlighter(Builder builder, Set<String> keep) {
        super(builder);
        this.keep = keep;
    }

    /** What was read of {@code keep} for a highlighted document (its top-level id); null if it was not read. */
    Document kept(int docId) {
        return kept.get(docId);
    }

    /** As Lucene's, reading the fields to keep in the same pass. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        if (keep.isEmpty()) {
            return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        Keeping visitor = new Keeping(fields, getMaxLength(), keep);
        StoredFields stored = searcher.storedFields();
        int chars = 0;
        do {
            int docId = docIter.nextDoc();
            if (docId == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            visitor.start();
            stored.document(docId, visitor);
            kept.put(docId, visitor.document);
            CharSequence[] read = visitor.read();
            values.add(read);
            for (CharSequence value : read) {
                chars += value == null ? 0 : value.length();
            }
        } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
        return values;
    }

    /** Lucene's visitor of the highlighted fields, also keeping other stored fields as a document. */
    private static final class Keeping extends LimitedStoredFieldVisitor {
        private final Set<String> keep;
        private Document document;
        private boolean keeping;

        Keeping(String[] fields, int maxLength, Set<String> keep) {
            super(fields, MULTIVAL_SEP_CHAR, maxLength);
            this.keep = keep;
        }

        void start() {
            values = new CharSequence[fields.length];
            currentField = -1;
            document = new Document();
        }

        /** The highlighted fields' values of the document just read. */
        CharSequence[] read() {
            return values;
        }

        @Override
        public Status needsField(FieldInfo fieldInfo) throws IOException {
            Status highlighted = super.needsField(fieldInfo);
            keeping = keep.contains(fieldInfo.name);
            // never STOP: a field to keep may come after the highlighted ones
            return keeping || highlighted == Status.YES ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo fieldInfo, String value) throws IOException {
            if (keeping) {
                document.add(new StoredField(fieldInfo.name, value));
            }
            if (currentField >= 0) {
                super.stringField(fieldInfo, value);
            }
        }

        @Override
        public void intField(FieldInfo fieldInfo, int value) {
            document.add(new StoredField(fieldInfo.name, value));
        }

        @Override
        public void longField(FieldInfo fieldInfo, long value) {
            document.add(new StoredField(fieldInfo.name, value));
        }
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
        return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    /** The snippet {@code html}, placed at {@code offset} of the highlighted {@code content}: which value, which segment. */
    static Located place(String html, String content, int offset) {
        int start = Math.min(offset, content.length());
        int value = 0;
        int segment = 0;
        for (int i = 0; i < start; i++) {
            char c = content.charAt(i);
            if (c == MULTIVAL_SEP_CHAR) {
                value++;
                segment = 0;
            } else if (c == '\f') {
                segment++;
            }
        }
        return new Located(html, value, segment);
    }

    /**
     * Every passage on its own, in reading order, each placed where its first match is: for a
     * search within one document, where a person wants each place the words occur.
     */
    static final class EachPassage extends PassageFormatter {

        private final DefaultPassageFormatter html = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
        private final int minDistinctTerms;

        /** @param minDistinctTerms how many of the query's words a passage must hold ("nang" alone is not "ky nang") */
        EachPassage(int minDistinctTerms) {
            this.minDistinctTerms = minDistinctTerms;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            List<Located> out = new ArrayList<>();
            for (Passage p : passages) {
                Set<BytesRef> terms = new HashSet<>();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    terms.add(p.getMatchTerms()[i]);
                }
                if (p.getNumMatches() > 0 && terms.size() >= minDistinctTerms) {
                    out.add(place((String) html.format(new Passage[] {p}, content), content, p.getMatchStarts()[0]));
                }
            }
            return out;
        }
    }

    /** The HTML of {@link DefaultPassageFormatter}, plus the place of the best-scoring passage's first match. */
    static final class Formatter extends PassageFormatter {

        private final DefaultPassageFormatter html;

        Formatter(String preTag, String postTag, String ellipsis) {
            this.html = new DefaultPassageFormatter(preTag, postTag, ellipsis, true);
        }

        @Override
        public Object format(Passage[] passages, String content) {
            String snippet = (String) html.format(passages, content);
            Passage best = null;
            for (Passage p : passages) {
                // a passage without a match is only the start of the text, shown for want of better
                if (p.getNumMatches() > 0 && (best == null || p.getScore() > best.getScore())) {
                    best = p;
                }
            }
            if (best == null) {
                return new Located(snippet, -1, -1);
            }
            // the passage may reach back across a page break; its first matched word says where it is
            return place(snippet, content, best.getMatchStarts()[0]);
        }
    }
}
