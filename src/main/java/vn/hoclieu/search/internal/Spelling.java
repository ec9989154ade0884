package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Corrects the words of a query that found (almost) nothing, from the index's own vocabulary with
 * Lucene's {@link DirectSpellChecker}: folded fields for words typed without marks ("thu vienn" →
 * "thu vien"), exact fields for words typed with them ("thư việnn" → "thư viện"). Only words that
 * occur in no visible document are corrected, each with the candidate that gives the most visible
 * hits, and only when that is more than the query had. A candidate must itself occur in a visible
 * document, so the corrections reveal nothing from material the viewer may not see.
 *
 * <p>Debian's hunspell-vi dictionary was considered: it knows which syllables are Vietnamese, but
 * a correction is only useful if the catalogue holds it, which the index answers directly.
 */
final class Spelling {

    /** Corrections tried per word. */
    static final int CANDIDATES = 3;
    /** Fields whose vocabulary proposes corrections; names are poor material for spelling. */
    private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.SUBJECTS, Fields.DESCRIPTION, Fields.TEXT);
    private static final DirectSpellChecker CHECKER = new DirectSpellChecker();

    static {
        CHECKER.setMinQueryLength(3); // Vietnamese syllables are short
        CHECKER.setMaxEdits(2);
    }

    private Spelling() {
    }

    /** @return the corrected text, or null when no correction finds more visible hits than {@code hits} */
    static String correct(TypedWords typed, VisibleScope scope, QueryBuilder queries, long hits) throws IOException {
        List<TypedWords.Word> words = typed.words();
        String[] forms = new String[words.size()];
        long best = hits;
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            TypedWords.Word w = words.get(i);
            String suffix = w.accented() ? Fields.EXACT : Fields.FOLDED;
            String term = w.accented() ? w.exact() : w.folded();
            if (term.codePointCount(0, term.length()) < 3
                    || scope.anyInAny(Fields.TEXT_FIELDS, suffix, term)) {
                continue; // a word some visible material holds is not the typo
            }
            String chosen = null;
            for (String candidate : similar(scope.searcher().getIndexReader(), suffix, term)) {
                if (!scope.anyInAny(Fields.TEXT_FIELDS, suffix, candidate)) {
                    continue;
                }
                forms[i] = candidate;
                long found = scope.count(queries.build(typed.with(forms)).query());
                if (found > best) {
                    best = found;
                    chosen = candidate;
                }
            }
            forms[i] = chosen;
            changed |= chosen != null;
        }
        return changed ? typed.with(forms) : null;
    }

    /** The closest, then most frequent, index terms near {@code term} over the spelling fields. */
    private static List<String> similar(IndexReader reader, String suffix, String term) throws IOException {
        Map<String, SuggestWord> merged = new HashMap<>();
        for (String field : FIELDS) {
            for (SuggestWord s : CHECKER.suggestSimilar(new Term(field + suffix, term), CANDIDATES, reader,
                    SuggestMode.SUGGEST_ALWAYS)) {
                merged.merge(s.string, s, (a, b) -> {
                    SuggestWord sum = new SuggestWord();
                    sum.string = a.string;
                    sum.score = Math.max(a.score, b.score);
                    sum.freq = a.freq + b.freq;
                    return sum;
                });
            }
        }
        return merged.values().stream()
                .sorted((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(b.freq, a.freq))
                .limit(CANDIDATES)
                .map(s -> s.string)
                .toList();
    }
}
