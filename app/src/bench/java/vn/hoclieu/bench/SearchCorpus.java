package vn.hoclieu.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import vn.hoclieu.Http;
import vn.hoclieu.library.LibraryType;

/**
 * The resources of the search benchmark, made up by {@link BenchText} from a seed per resource: the
 * same number always gives the same resource, so the catalogue rows and the bare-Lucene baseline's
 * index hold exactly the same documents without keeping 100,000 texts in memory. About six in seven
 * are Vietnamese; the full text is 1,200–12,000 characters (about 280–2,800 words), log-uniformly,
 * so most are a few pages and some are a short book.
 */
public final class SearchCorpus {

    static final String[] LIBRARIES = {"HN-TVHN", "HN-THPT-BDM", "HN-TTHTCD-BD", "HN-GDTX-CG"};
    static final String[] MATERIAL_TYPES = {"BOOK", "E_LECTURE", "SLIDES", "WORKSHEET", "BOOK", "WORKSHEET", "OTHER"};
    static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-NC-4.0"};
    private static final Instant NEWEST = Instant.parse("2025-06-01T00:00:00Z");

    /** One resource as the catalogue holds it; {@code text} is what extraction would have stored. */
    public record Doc(int number, String title, String creator, String description, List<String> subjects,
               String audience, String language, String materialType, String licence, String library,
               Instant createdAt, String text) {
    }

    private SearchCorpus() {
    }

    /** The kind of a library of the corpus, as the benchmark registers it. */
    static LibraryType libraryType(String library) {
        LibraryType[] types = LibraryType.values();
        return types[Arrays.asList(LIBRARIES).indexOf(library) % types.length];
    }

    public static Doc doc(int number) {
        BenchText t = new BenchText(0x5EA2C4L * 1_000_003L + number, number % 7 == 3);
        String title = t.title(number);
        String description = t.sentence() + (t.random().nextBoolean() ? " " + t.sentence() : "");
        List<String> subjects = new ArrayList<>();
        subjects.add(t.topic());
        if (t.random().nextInt(3) == 0) {
            String second = t.topic();
            if (!second.equals(subjects.get(0))) {
                subjects.add(second);
            }
        }
        String audience = (t.english() ? "Grade " : "Lớp ") + (1 + t.random().nextInt(12));
        int chars = t.logUniform(1_200, 12_000);
        StringBuilder text = new StringBuilder(chars + 600);
        for (String p : t.paragraphs(chars)) {
            if (text.length() > 0) {
                // a page break now and then, as a PDF's extracted text has
                text.append(t.random().nextInt(4) == 0 ? "\f" : "\n\n");
            }
            text.append(p);
        }
        Instant created = NEWEST.minusSeconds(3L * 365 * 24 * 3600 * ((number * 7919L) % 10_000) / 10_000);
        return new Doc(number, title, t.author(), description, subjects, audience, t.language(),
                MATERIAL_TYPES[number % MATERIAL_TYPES.length], LICENCES[number % LICENCES.length],
                LIBRARIES[number % LIBRARIES.length], created, text.toString());
    }

    /**
     * A query as typed ({@code q}) and as sent to {@code GET /api/v1/search} ({@code params}, with its
     * filters and sort).
     */
    public record Query(String q, String params) {
    }

    /** Queries people type: 1–4 words from the corpus's own sentences, half without diacritics, some phrases, some filtered. */
    public static List<Query> queries(int count) {
        List<Query> out = new ArrayList<>();
        BenchText vi = new BenchText(42, false);
        BenchText en = new BenchText(43, true);
        Random r = new Random(44);
        while (out.size() < count) {
            BenchText t = r.nextInt(7) == 0 ? en : vi;
            String[] words = t.sentence().replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
            int n = 1 + r.nextInt(r.nextInt(3) == 0 ? 2 : 4);
            if (words.length < n) {
                continue;
            }
            int from = r.nextInt(words.length - n + 1);
            String q = String.join(" ", Arrays.copyOfRange(words, from, from + n)).toLowerCase();
            if (!t.english() && r.nextBoolean()) {
                q = BenchText.ascii(q);
            }
            String typed = n >= 2 && r.nextInt(8) == 0 ? "\"" + q + "\"" : q;
            StringBuilder params = new StringBuilder("q=").append(Http.q(typed));
            int f = r.nextInt(10);
            if (f == 0) {
                params.append("&language=").append(t.language());
            } else if (f == 1) {
                params.append("&materialType=").append(MATERIAL_TYPES[r.nextInt(MATERIAL_TYPES.length)]);
            } else if (f == 2) {
                params.append("&subject=").append(Http.q(t.topic()));
            }
            if (r.nextInt(20) == 0) {
                params.append("&sort=newest");
            }
            out.add(new Query(typed, params.toString()));
        }
        return out;
    }
}
