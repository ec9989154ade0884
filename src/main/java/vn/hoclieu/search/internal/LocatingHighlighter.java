package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter, answering with the snippet and where its best passage is: which
 * value of the field (one per file) and which form-feed-separated segment of it (page, slide, cue).
 */
final class LocatingHighlighter extends UnifiedHighlighter {

    /** A snippet ({@link #toString()} is its HTML) and the place of its best passage. */
    record Located(String html, int value, int segment) {
        @Override
        public String toString() {
            return html;
        }
    }

    LocatingHighlighter(Builder builder) {
        super(builder);
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
        return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
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
            int start = Math.min(best.getMatchStarts()[0], content.length());
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
            return new Located(snippet, value, segment);
        }
    }
}
