package vn.hoclieu.search.internal;

import java.io.IOException;
import java.text.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;

/**
 * "Did you mean": a query that found few results is corrected into a phrase of the collection
 * ({@link Spelling}) and the diacritics of the correction restored. Few: fewer than {@value #FEW_HITS},
 * or, for a query typed without diacritics, none holding what was typed (a word or an adjacent pair of
 * it that no visible material holds: "kiem chung thong tim" finds pages about "kiểm chứng thông tin",
 * none with "thong tim"). Otherwise, for words typed without diacritics, just the diacritics the
 * catalogue uses are offered ({@link Restoration}). It runs on at most {@value #MAX_WORDS} words; an
 * accented query that finds enough costs nothing, and the spell checker's walks of the dictionary, the
 * costly part, run only for a query that found few results. Every count it uses is of documents the
 * viewer may see within the chosen filters. A failure here is logged and the results are shown without it.
 */
@Component
@LuceneBackend
public class DidYouMean {

    private static final Logger log = LoggerFactory.getLogger(DidYouMean.class);

    /** Below this many hits the spelling is checked. */
    static final int FEW_HITS = 3;
    /** Longer queries are pasted text, not typed words: no suggestion. */
    static final int MAX_WORDS = 8;

    private final LuceneIndex index;

    DidYouMean(LuceneIndex index) {
        this.index = index;
    }

    /** The page with a suggestion if one leads to better results (its cost added to {@code tookMs}). */
    public SearchPage offer(SearchRequest request, Viewer viewer, SearchPage page) {
        return offer(request, page, work -> index.withSearcher(searcher -> {
            // the same question on the same reader has the same answer (SuggestionCache)
            SuggestionCache.Key key = new SuggestionCache.Key(request.q(), request.filters(),
                    VisibilityFilter.of(viewer), Math.min(page.total(), FEW_HITS));
            return SuggestionCache.answer(searcher.getIndexReader(), key,
                    () -> work.apply(VisibleScope.of(searcher, index.facetsConfig(), viewer, request.filters())));
        }));
    }

    /** Runs the work with the scope of one viewer and request (the embedded index holds its searcher meanwhile). */
    interface Scoped {
        String with(Work work);
    }

    interface Work {
        String apply(SuggestionScope scope) throws IOException;
    }

    /** The same for any backend: the page with a suggestion if one leads to better results. */
    static SearchPage offer(SearchRequest request, SearchPage page, Scoped scoped) {
        long started = System.nanoTime();
        try {
            String suggestion = suggest(request.q(), page.total(), scoped);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return page.withDidYouMean(suggestion, page.tookMs() + millis);
        } catch (RuntimeException e) {
            log.warn("no did-you-mean for a query of {} characters: {}", request.q().length(), e.toString());
            return page;
        }
    }

    static String suggest(String typedText, long hits, Scoped scoped) {
        String q = Normalizer.normalize(typedText, Normalizer.Form.NFC);
        TypedWords typed = TypedWords.of(q, MAX_WORDS);
        if (typed == null || typed.words().isEmpty()) {
            return null;
        }
        boolean restore = unaccentedWords(typed);
        boolean few = hits < FEW_HITS;
        // an unaccented query is looked at anyway (its accents), an accented one only if it found few results
        if (!few && !restore) {
            return null;
        }
        String suggestion = scoped.with(scope -> {
            String corrected = Spelling.correct(typed, scope, hits, few);
            if (corrected != null) {
                TypedWords again = TypedWords.of(corrected, MAX_WORDS);
                String[] accents = again != null && unaccentedWords(again) ? Restoration.restore(again, scope) : null;
                return accents == null ? corrected : again.with(accents);
            }
            // accents do not change what is found (folded fields match either way): nothing found, nothing to restore
            String[] restored = restore && hits > 0 ? Restoration.restore(typed, scope) : null;
            return restored == null ? null : typed.with(restored);
        });
        return suggestion == null || suggestion.equalsIgnoreCase(q) ? null : suggestion;
    }

    private static boolean unaccentedWords(TypedWords typed) {
        return typed.words().stream().anyMatch(w -> !w.accented() && Restoration.restorable(w.folded()));
    }
}
