package vn.hoclieu.search.internal;

import java.text.BreakIterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.solr.common.params.HighlightParams;
import org.apache.solr.highlight.UnifiedSolrHighlighter;
import org.apache.solr.request.SolrQueryRequest;

/**
 * Solr's unified highlighter, which also says where a snippet was found, as the embedded index's
 * {@link LocatingHighlighter} does (the same formatters, compiled from the app's source): with
 * {@code hoclieu.locate=best} each field's snippet is the best passage's place and the HTML
 * ({@code value,segment|html}); with {@code hoclieu.locate=each} every passage holding at least
 * {@code hoclieu.minTerms} of the words is a snippet of its own, placed, in reading order. With
 * {@code hoclieu.breaks=local} passages are cut at {@link SentenceBreaks}, as the embedded index's
 * search snippets are. Without these parameters it is Solr's highlighter unchanged. Configured as
 * the highlighting of the configset's {@code highlight} component.
 */
public class LocatingSolrHighlighter extends UnifiedSolrHighlighter {

    @Override
    protected UnifiedHighlighter getHighlighter(SolrQueryRequest req) {
        return new SolrExtendedUnifiedHighlighter(req) {
            @Override
            protected PassageFormatter getFormatter(String field) {
                String mode = params.getFieldParam(field, LocatingHighlighter.LOCATE);
                if (LocatingHighlighter.BEST.equals(mode)) {
                    LocatingHighlighter.Formatter best = new LocatingHighlighter.Formatter(
                            params.getFieldParam(field, HighlightParams.TAG_PRE, "<mark>"),
                            params.getFieldParam(field, HighlightParams.TAG_POST, "</mark>"),
                            params.getFieldParam(field, HighlightParams.TAG_ELLIPSIS, " … "));
                    return new PassageFormatter() {
                        @Override
                        public Object format(Passage[] passages, String content) {
                            return ((LocatingHighlighter.Located) best.format(passages, content)).placed();
                        }
                    };
                }
                if (LocatingHighlighter.EACH.equals(mode)) {
                    LocatingHighlighter.EachPassage each = new LocatingHighlighter.EachPassage(
                            params.getFieldInt(field, LocatingHighlighter.MIN_TERMS, 1));
                    return new PassageFormatter() {
                        @Override
                        public Object format(Passage[] passages, String content) {
                            List<?> located = (List<?>) each.format(passages, content);
                            // Solr answers the parts between NULs as separate snippets
                            return located.stream().map(l -> ((LocatingHighlighter.Located) l).placed())
                                    .collect(Collectors.joining("\0"));
                        }
                    };
                }
                return super.getFormatter(field);
            }

            @Override
            protected BreakIterator getBreakIterator(String field) {
                if (LocatingHighlighter.LOCAL_SENTENCES.equals(params.getFieldParam(field, LocatingHighlighter.BREAKS))) {
                    return LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(),
                            params.getFieldInt(field, HighlightParams.FRAGSIZE, 100),
                            params.getFieldFloat(field, HighlightParams.FRAGALIGNRATIO, 0.5f));
                }
                return super.getBreakIterator(field);
            }
        };
    }
}
