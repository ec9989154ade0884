package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.StringDistance;

/**
 * Corrects a query that found (almost) nothing into a phrase of the collection. A word is corrected
 * only where the collection holds the result together: a word changed must sit in a pair of adjacent
 * words that visible material holds (the folded bigram fields: "thong tim" → "thong tin", even though
 * "tim" is a word), unless no visible material holds the word as typed at all, whose correction may
 * stand alone ("vienn" → "vien"). Candidates come from the index's own vocabulary with Lucene's
 * {@code DirectSpellChecker} ({@link Vocabulary}): the pairs near each pair the collection does not hold
 * as typed, and the words near each word it does not hold. One choice is made for the whole query
 * ({@link PhraseChoice}): the most pairs and words the collection holds, then the closest to what was
 * typed, then the most frequent pairs. It is offered only when it finds more than the query as typed:
 * more visible documents hold all its words, or (its changed words held by one visible document with
 * their neighbours) the search finds more.
 *
 * <p>Every count that decides is of documents the viewer may see, so a correction never reveals a word
 * or a pair that only restricted material holds. Words typed with marks are compared folded; the caller
 * restores the marks of what was corrected ({@link Restoration}).
 *
 * <p>Debian's hunspell-vi dictionary was considered: it knows which syllables are Vietnamese, but a
 * correction is only useful if the catalogue holds it, which the index answers directly.
 */
final class Spelling {

    /** Corrections weighed per pair, and per word no visible material holds. */
    static final int CANDIDATES = 5;
    /** Fields whose vocabulary proposes corrections; names are poor material for spelling. */
    private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.SUBJECTS, Fields.DESCRIPTION, Fields.TEXT);
    /** How close a correction is to the word typed: the spell checker's own measure (transpositions count one). */
    private static final StringDistance CLOSENESS = new LuceneLevenshteinDistance();

    private Spelling() {
    }

    /**
     * @param few whether the query found few results; if not, it is corrected only when one of its words or
     *            adjacent pairs is held by no visible material (none of its results holds it as typed)
     * @return the text with the corrected words (folded), or null when no correction finds more than {@code hits}
     */
    static String correct(TypedWords typed, SuggestionScope scope, long hits, boolean few) throws IOException {
        List<TypedWords.Word> words = typed.words();
        int n = words.size();
        String[] folded = new String[n];
        boolean[] held = new boolean[n];
        boolean allHeld = true;
        for (int i = 0; i < n; i++) {
            folded[i] = words.get(i).folded();
            held[i] = scope.anyInAny(Fields.TEXT_FIELDS, Fields.FOLDED, folded[i]);
            allHeld &= held[i];
        }
        List<String> typedPairs = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            typedPairs.add(folded[i] + " " + folded[i + 1]);
        }
        // whether, not how often: existence stops at the first visible document
        boolean[] pairsHeld = scope.anyInAny(Fields.TEXT_FIELDS, Fields.FOLDED_BIGRAMS, typedPairs);
        boolean allPairsHeld = true;
        for (boolean h : pairsHeld) {
            allPairsHeld &= h;
        }
        // the costly part (the spell checker's walks of the dictionary) only for a query whose results are few,
        // or hold not what was typed: a word or a pair of it that no visible material holds
        if (!few && allHeld && allPairsHeld) {
            return null;
        }
        PhraseChoice choice = new PhraseChoice(folded, held);
        gatherPairs(scope, typedPairs, pairsHeld, folded, choice);
        gatherWords(scope, folded, held, choice);
        String[] chosen = choice.best();
        if (chosen == null) {
            return null;
        }
        String[] changed = new String[n];
        for (int i = 0; i < n; i++) {
            changed[i] = chosen[i].equals(folded[i]) ? null : chosen[i];
        }
        String corrected = typed.with(changed);
        // finds more: more visible documents hold every word (none holds a word nobody holds) ...
        int[] together = allHeld ? scope.counts(List.of(all(folded), all(chosen))) : new int[] {0, scope.count(all(chosen))};
        if (together[1] > together[0]) {
            return corrected;
        }
        // ... or the changed words stand with their neighbours in one visible document, and the search finds more
        return scope.any(neighbourhood(chosen, changed)) && scope.countSearch(corrected) > hits ? corrected : null;
    }

    /** The pairs near each pair of the query that no visible material holds as typed, and which of them it holds. */
    private static void gatherPairs(SuggestionScope scope, List<String> typedPairs, boolean[] typedHeld, String[] folded,
                                    PhraseChoice choice) throws IOException {
        int n = folded.length;
        Set<String> proposed = new LinkedHashSet<>();
        for (int i = 0; i + 1 < n; i++) {
            if (typedHeld[i]) {
                // held as typed: counted as held by one document, for the frequency tie-break
                choice.pairHeld(typedPairs.get(i), 1);
                continue;
            }
            for (String pair : similar(scope, Fields.FOLDED_BIGRAMS, typedPairs.get(i))) {
                int space = pair.indexOf(' ');
                // a one-syllable value is indexed as itself; a pair is two words
                if (space <= 0 || pair.indexOf(' ', space + 1) >= 0) {
                    continue;
                }
                String a = pair.substring(0, space);
                String b = pair.substring(space + 1);
                choice.form(i, a, closeness(folded[i], a), false);
                choice.form(i + 1, b, closeness(folded[i + 1], b), false);
                proposed.add(pair);
            }
        }
        List<String> asked = List.copyOf(proposed);
        int[] counts = scope.countsInAny(Fields.TEXT_FIELDS, Fields.FOLDED_BIGRAMS, asked);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                choice.pairHeld(asked.get(k), counts[k]);
            }
        }
    }

    /** For each word no visible material holds, the close words some visible material holds. */
    private static void gatherWords(SuggestionScope scope, String[] folded, boolean[] held, PhraseChoice choice)
            throws IOException {
        for (int i = 0; i < folded.length; i++) {
            if (held[i] || folded[i].codePointCount(0, folded[i].length()) < 3) {
                continue;
            }
            List<String> near = similar(scope, Fields.FOLDED, folded[i]);
            int[] holding = scope.countsInAny(Fields.TEXT_FIELDS, Fields.FOLDED, near);
            for (int k = 0; k < near.size(); k++) {
                if (holding[k] > 0) {
                    choice.form(i, near.get(k), closeness(folded[i], near.get(k)), true);
                }
            }
        }
    }

    /** The closest, then most frequent, index terms near {@code term} over the spelling fields (index-wide: candidates only). */
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

    private static float closeness(String typed, String form) {
        return CLOSENESS.getDistance(typed, form);
    }

    /** Every one of the words in some text field. */
    private static Query all(String[] words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        new LinkedHashSet<>(List.of(words)).forEach(w -> b.add(Fields.inAny(Fields.TEXT_FIELDS, Fields.FOLDED, w), Occur.MUST));
        return b.build();
    }

    /** Each changed word with the words beside it, all in some text field of one document. */
    private static Query neighbourhood(String[] chosen, String[] changed) {
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < chosen.length; i++) {
            if (changed[i] != null) {
                for (int j = Math.max(0, i - 1); j <= Math.min(chosen.length - 1, i + 1); j++) {
                    words.add(chosen[j]);
                }
            }
        }
        return all(words.toArray(String[]::new));
    }
}
