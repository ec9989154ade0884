package vn.hoclieu.search;

import java.util.concurrent.ThreadLocalRandom;
import vn.hoclieu.Uploads;

/** Test material for the search tests: made-up words no other test uses, and small uploaded texts. */
public final class Made {

    private static final String ONSETS = "bcghklmnstvx";
    private static final String[] VOWELS = {"ạ", "ờ", "ữ", "ế", "ộ", "ắ", "ỉ", "ẫ"};
    private static final String[] CODAS = {"m", "n", "p", "t", "c"};

    private Made() {
    }

    /** A syllable with marks that no other test has used, e.g. "kữp" ("kup" without marks). */
    static String accentedSyllable() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + ONSETS.charAt(r.nextInt(ONSETS.length())) + VOWELS[r.nextInt(VOWELS.length)]
                + CODAS[r.nextInt(CODAS.length)] + ONSETS.charAt(r.nextInt(ONSETS.length()));
    }

    /** A plain word no other test has used, e.g. "qorbvxlemt". */
    public static String word() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder w = new StringBuilder("qor");
        for (int i = 0; i < 7; i++) {
            w.append((char) ('a' + r.nextInt(26)));
        }
        return w.toString();
    }

    /** Uploads a text file; returns the new resource's id. */
    static long upload(String baseUrl, String authorization, String title, String text, String visibility) {
        return Uploads.resource(title).language("vi").visibility(visibility).file(word() + ".txt", text)
                .by(authorization).to(baseUrl).id();
    }
}
