package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Corrects the words of a query that found (almost) nothing, from the index's own vocabulary with
 * Lucene's {@code DirectSpellChecker} ({@link Vocabulary}): folded fields for words typed without marks ("thu vienn" →
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
    static final int CANDIDATES = Vocabulary.SIMILAR;
    /** Fields whose vocabulary proposes corrections; names are poor material for spelling. */
    private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.SUBJECTS, Fields.DESCRIPTION, Fields.TEXT);

    private Spelling() {
    }

    /** @return the corrected text, or null when no correction finds more visible hits than {@code hits} */
    static String correct(TypedWords typed, SuggestionScope scope, long hits) throws IOException {
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
            // the candidates some visible material holds, and what the query finds with each (asked at once)
            List<String> candidates = similar(scope, suffix, term);
            int[] holding = scope.countsInAny(Fields.TEXT_FIELDS, suffix, candidates);
            List<String> held = new ArrayList<>();
            List<String> corrected = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                if (holding[k] > 0) {
                    held.add(candidates.get(k));
                    forms[i] = candidates.get(k);
                    corrected.add(typed.with(forms));
                }
            }
            long[] found = scope.countSearches(corrected);
            String chosen = null;
            for (int k = 0; k < held.size(); k++) {
                if (found[k] > best) {
                    best = found[k];
                    chosen = held.get(k);
                }
            }
            forms[i] = chosen;
            changed |= chosen != null;
        }
        return changed ? typed.with(forms) : null;
    }

    /** The closest, then most frequent, index terms near {@code term} over the spelling fields. */
    private static List<String> similar(SuggestionScope scope, String suffix, String term) throws IOException {
        List<String> fields = FIELDS.stream().map(f -> f + suffix).toList();
        return scope.similar(fields, term).entrySet().stream()
                .sorted((a, b) -> a.getValue().score() != b.getValue().score()
                        ? Float.compare(b.getValue().score(), a.getValue().score())
                        : a.getValue().freq() != b.getValue().freq()
                        ? Integer.compare(b.getValue().freq(), a.getValue().freq())
                        // a tie broken the same way on every backend
                        : a.getKey().compareTo(b.getKey()))
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }
}
