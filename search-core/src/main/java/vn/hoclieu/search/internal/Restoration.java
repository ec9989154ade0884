package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * Restores diacritics from the index's own words: "da nang" → "đà nẵng" where the catalogue says
 * Đà Nẵng. For every adjacent pair of words the exact bigrams that fold to the pair are read from
 * the exact-bigram fields (an automaton of the marked variants walks only the matching part of the
 * term dictionary); a word no pair speaks for gets its exact unigrams the same way. One choice is
 * then made for the whole query (Viterbi over the words) with bigram evidence far outweighing single
 * words, so the pairs chain consistently ("thanh pho da nang" → "thành phố đà nẵng", not "thành phố
 * đã nặng").
 *
 * <p>Every frequency used is a count of documents the viewer may see (the application's {@code VisibleScope}); the
 * index-wide document frequencies only pick the few candidates worth counting. A word that has no
 * bigram behind it is changed only when the typed form occurs nowhere visible ("nguoi" → "người"),
 * so a lone "da" is not turned into the function word "đã". The result is offered only if a visible
 * document holds the restored words.
 */
final class Restoration {

    /** Candidates counted per pair (or lone word); the rest of the dictionary is never counted. */
    static final int CANDIDATES = 5;
    /** How much a pair seen together outweighs the words seen alone (log counts). */
    static final double BIGRAM_WEIGHT = 10;

    private static final Map<Character, String> VARIANTS = Map.of(
            'a', "aàáảãạăằắẳẵặâầấẩẫậ",
            'd', "dđ",
            'e', "eèéẻẽẹêềếểễệ",
            // the i/y merge folds kỹ and kĩ alike to "ki"
            'i', "iìíỉĩịyỳýỷỹỵ",
            'o', "oòóỏõọôồốổỗộơờớởỡợ",
            'u', "uùúủũụưừứửữự",
            'y', "yỳýỷỹỵ");

    private Restoration() {
    }

    /** Whether a folded word could carry marks at all (digits and "thpt" cannot). */
    static boolean restorable(String folded) {
        return folded.chars().anyMatch(c -> VARIANTS.containsKey((char) c));
    }

    /**
     * @return per word the exact form to offer, or null where the word stays as typed; null when
     *         nothing would change or nothing visible supports the change
     */
    static String[] restore(TypedWords typed, SuggestionScope scope) throws IOException {
        List<TypedWords.Word> words = typed.words();
        int n = words.size();
        boolean[] open = new boolean[n];
        List<Map<String, Integer>> single = new ArrayList<>(n);
        boolean anyOpen = false;
        // every count of a step is asked at once: one request on SolrCloud, one pass each on the embedded index
        List<String> typedForms = new ArrayList<>();
        for (TypedWords.Word w : words) {
            if (w.accented() || restorable(w.folded())) {
                typedForms.add(w.exact());
            }
        }
        int[] typedCounts = scope.countsInAny(Fields.TEXT_FIELDS, Fields.EXACT, typedForms);
        int asked = 0;
        for (TypedWords.Word w : words) {
            int typedCount = w.accented() || restorable(w.folded()) ? typedCounts[asked++] : 0;
            // marks typed on a word that exists are what the person meant; a half-accented typo is not
            open[single.size()] = restorable(w.folded()) && (!w.accented() || typedCount == 0);
            anyOpen |= open[single.size()];
            Map<String, Integer> forms = new HashMap<>();
            forms.put(w.exact(), typedCount);
            single.add(forms);
        }
        if (!anyOpen) {
            return null;
        }
        // pairs first: they are the evidence that counts, and their halves are the words worth having
        List<List<String>> bigrams = new ArrayList<>(n);
        List<String> bigramQueries = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            List<String> candidates = List.of();
            if (open[i] || open[i + 1]) {
                TypedWords.Word a = words.get(i);
                TypedWords.Word b = words.get(i + 1);
                List<String> pattern = new ArrayList<>(side(a, open[i]));
                pattern.add(" ");
                pattern.addAll(side(b, open[i + 1]));
                candidates = frequent(scope, Fields.EXACT_BIGRAMS, pattern, a.folded() + " " + b.folded());
                bigramQueries.addAll(candidates);
            }
            bigrams.add(candidates);
        }
        int[] bigramCounts = scope.countsInAny(Fields.TEXT_FIELDS, Fields.EXACT_BIGRAMS, bigramQueries);
        asked = 0;
        List<Map<String, Integer>> pairs = new ArrayList<>(n);
        for (int i = 0; i + 1 < n; i++) {
            Map<String, Integer> found = new HashMap<>();
            for (String bigram : bigrams.get(i)) {
                int count = bigramCounts[asked++];
                if (count > 0) {
                    found.put(bigram, count);
                    String[] halves = bigram.split(" ", 2);
                    single.get(i).merge(halves[0], count, Math::max);
                    single.get(i + 1).merge(halves[1], count, Math::max);
                }
            }
            pairs.add(found);
        }
        // a word no pair speaks for, typed in a form no visible material has: its most frequent marked form
        List<List<String>> lone = new ArrayList<>(n);
        List<String> loneQueries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TypedWords.Word w = words.get(i);
            List<String> forms = List.of();
            if (open[i] && single.get(i).size() == 1 && single.get(i).get(w.exact()) == 0) {
                forms = frequent(scope, Fields.EXACT, side(w, true), w.folded());
                loneQueries.addAll(forms);
            }
            lone.add(forms);
        }
        int[] loneCounts = scope.countsInAny(Fields.TEXT_FIELDS, Fields.EXACT, loneQueries);
        asked = 0;
        for (int i = 0; i < n; i++) {
            for (String form : lone.get(i)) {
                single.get(i).putIfAbsent(form, loneCounts[asked++]);
            }
        }
        String[] chosen = best(typed, single, pairs);
        revertUnsupported(typed, chosen, single, pairs);
        List<String> changed = new ArrayList<>();
        for (String c : chosen) {
            if (c != null) {
                changed.add(c);
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder together = new BooleanQuery.Builder();
        changed.forEach(c -> together.add(Fields.inAny(Fields.TEXT_FIELDS, Fields.EXACT, c), Occur.SHOULD));
        together.setMinimumNumberShouldMatch(QueryBuilder.minimumToMatch(changed.size()));
        return scope.any(together.build()) ? chosen : null;
    }

    /** Viterbi: the forms with the best sum of log counts, pairs weighted {@link #BIGRAM_WEIGHT}×. */
    private static String[] best(TypedWords typed, List<Map<String, Integer>> single, List<Map<String, Integer>> pairs) {
        int n = single.size();
        List<List<String>> forms = new ArrayList<>(n);
        single.forEach(m -> forms.add(new ArrayList<>(m.keySet())));
        double[][] score = new double[n][];
        int[][] from = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> here = forms.get(i);
            score[i] = new double[here.size()];
            from[i] = new int[here.size()];
            for (int y = 0; y < here.size(); y++) {
                String form = here.get(y);
                // a hair of preference for what was typed, so that a tie keeps it
                double own = Math.log1p(single.get(i).get(form))
                        + (form.equals(typed.words().get(i).exact()) ? 1e-3 : 0);
                if (i == 0) {
                    score[i][y] = own;
                    continue;
                }
                double bestPrevious = Double.NEGATIVE_INFINITY;
                List<String> previous = forms.get(i - 1);
                for (int x = 0; x < previous.size(); x++) {
                    int together = pairs.get(i - 1).getOrDefault(previous.get(x) + " " + form, 0);
                    double s = score[i - 1][x] + BIGRAM_WEIGHT * Math.log1p(together);
                    if (s > bestPrevious) {
                        bestPrevious = s;
                        from[i][y] = x;
                    }
                }
                score[i][y] = bestPrevious + own;
            }
        }
        int at = 0;
        for (int y = 1; y < score[n - 1].length; y++) {
            if (score[n - 1][y] > score[n - 1][at]) {
                at = y;
            }
        }
        String[] chosen = new String[n];
        for (int i = n - 1; i >= 0; i--) {
            String form = forms.get(i).get(at);
            chosen[i] = form.equals(typed.words().get(i).exact()) ? null : form;
            at = from[i][at];
        }
        return chosen;
    }

    /** A change no pair supports is kept only if the typed form is not a visible word at all. */
    private static void revertUnsupported(TypedWords typed, String[] chosen, List<Map<String, Integer>> single,
                                          List<Map<String, Integer>> pairs) {
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] == null) {
                continue;
            }
            String typedForm = typed.words().get(i).exact();
            boolean supported = (i > 0 && pairs.get(i - 1).containsKey(form(typed, chosen, i - 1) + " " + chosen[i]))
                    || (i + 1 < chosen.length && pairs.get(i).containsKey(chosen[i] + " " + form(typed, chosen, i + 1)));
            if (!supported && single.get(i).getOrDefault(typedForm, 0) > 0) {
                chosen[i] = null;
            }
        }
    }

    private static String form(TypedWords typed, String[] chosen, int i) {
        return chosen[i] != null ? chosen[i] : typed.words().get(i).exact();
    }

    /**
     * The most frequent (index-wide) terms of the text fields that the pattern accepts (one string of
     * allowed characters per position, the first {@value Vocabulary#MAX_TERMS} of each field) and that
     * fold to {@code folded}.
     */
    private static List<String> frequent(SuggestionScope scope, String suffix, List<String> pattern, String folded)
            throws IOException {
        return scope.matching(suffix, pattern).entrySet().stream()
                .filter(e -> VietnameseAnalysis.fold(e.getKey()).equals(folded))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The characters allowed at each position of a word: its marked variants when open, else as typed. */
    private static List<String> side(TypedWords.Word w, boolean open) {
        List<String> positions = new ArrayList<>();
        (open ? w.folded() : w.exact()).codePoints().forEach(c -> {
            String v = open && c < 0x10000 ? VARIANTS.get((char) c) : null;
            positions.add(v != null ? v : new String(Character.toChars(c)));
        });
        return positions;
    }
}
