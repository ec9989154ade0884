package vn.hoclieu.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One choice of words for a whole query, among the forms {@link Spelling} gathered for each word: the
 * sequence with the most adjacent pairs and words the collection holds, then the closest to what was
 * typed (the sum over the words of one minus their closeness), then the most frequent pairs (the sum of
 * their log counts); the words as typed win every tie. A form that differs from the word typed must sit
 * in a held pair with a neighbour, unless it was gathered as a stand-alone correction of a word nobody
 * holds. Found by dynamic programming over the words (Viterbi), each word's state being its form and
 * whether it still waits for the pair on its right to hold it.
 */
final class PhraseChoice {

    /** What a sequence is worth, compared in this order: held pairs and words, closeness, pair frequency. */
    record Score(int held, double distance, double frequency) implements Comparable<Score> {

        static final Score NONE = new Score(0, 0, 0);

        Score plus(int held, double distance, double frequency) {
            return new Score(this.held + held, this.distance + distance, this.frequency + frequency);
        }

        @Override
        public int compareTo(Score o) {
            if (held != o.held) {
                return Integer.compare(held, o.held);
            }
            if (Math.abs(distance - o.distance) > 1e-6) {
                return Double.compare(o.distance, distance);
            }
            return Double.compare(frequency, o.frequency);
        }
    }

    /** A form of one word: how close it is to what was typed, and whether it may stand without a held pair. */
    private record Form(String text, float closeness, boolean alone) {
    }

    private final String[] typed;
    private final boolean[] held;
    private final List<Map<String, Form>> forms;
    private final Map<String, Integer> heldPairs = new HashMap<>();

    /**
     * @param typed the words as typed (folded)
     * @param held  whether visible material holds each word as typed
     */
    PhraseChoice(String[] typed, boolean[] held) {
        this.typed = typed;
        this.held = held;
        this.forms = new ArrayList<>(typed.length);
        for (String w : typed) {
            Map<String, Form> m = new LinkedHashMap<>();
            m.put(w, new Form(w, 1f, true));
            forms.add(m);
        }
    }

    /** Another form of word {@code i}; {@code alone}: a visible word that may replace it without a held pair. */
    void form(int i, String text, float closeness, boolean alone) {
        forms.get(i).merge(text, new Form(text, closeness, alone),
                (a, b) -> new Form(text, Math.max(a.closeness(), b.closeness()), a.alone() || b.alone()));
    }

    /** A pair of adjacent words ("a b") that this many visible documents hold. */
    void pairHeld(String pair, int documents) {
        heldPairs.merge(pair, documents, Math::max);
    }

    /** The chosen form of every word; null when the best choice is the words as typed. */
    String[] best() {
        int n = typed.length;
        List<List<Form>> options = new ArrayList<>(n);
        forms.forEach(m -> options.add(List.copyOf(m.values())));
        // best[i][x][w]: the best score of words 0..i with word i in form x, w = 1 while it waits for a held pair
        Score[][][] best = new Score[n][][];
        int[][][] from = new int[n][][];
        for (int i = 0; i < n; i++) {
            List<Form> here = options.get(i);
            best[i] = new Score[here.size()][2];
            from[i] = new int[here.size()][2];
            for (int x = 0; x < here.size(); x++) {
                Form f = here.get(x);
                boolean changed = x > 0;
                int own = !changed ? (held[i] ? 1 : 0) : 1;
                boolean needsPair = changed && !f.alone();
                double distance = 1 - f.closeness();
                if (i == 0) {
                    best[i][x][needsPair ? 1 : 0] = Score.NONE.plus(own, distance, 0);
                    continue;
                }
                List<Form> previous = options.get(i - 1);
                for (int y = 0; y < previous.size(); y++) {
                    Integer pair = heldPairs.get(previous.get(y).text() + " " + f.text());
                    for (int waiting = 0; waiting < 2; waiting++) {
                        Score before = best[i - 1][y][waiting];
                        if (before == null || (waiting == 1 && pair == null)) {
                            continue; // the previous word's change is held by no pair
                        }
                        int state = needsPair && pair == null ? 1 : 0;
                        Score s = before.plus(own + (pair != null ? 1 : 0), distance,
                                pair != null ? Math.log1p(pair) : 0);
                        if (best[i][x][state] == null || s.compareTo(best[i][x][state]) > 0) {
                            best[i][x][state] = s;
                            from[i][x][state] = y * 2 + waiting;
                        }
                    }
                }
            }
        }
        int at = -1;
        for (int x = 0; x < options.get(n - 1).size(); x++) {
            Score s = best[n - 1][x][0];
            if (s != null && (at < 0 || s.compareTo(best[n - 1][at][0]) > 0)) {
                at = x;
            }
        }
        String[] chosen = new String[n];
        boolean changed = false;
        int state = 0;
        for (int i = n - 1; i >= 0; i--) {
            chosen[i] = options.get(i).get(at).text();
            changed |= at > 0;
            if (i > 0) {
                int back = from[i][at][state];
                at = back / 2;
                state = back % 2;
            }
        }
        return changed ? chosen : null;
    }
}
