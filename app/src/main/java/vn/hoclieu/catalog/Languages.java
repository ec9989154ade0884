package vn.hoclieu.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * One spelling for a language, whichever way it came: ISO 639-1 where the language has such a
 * code. Library catalogues and OAI-PMH partners write ISO 639-2 ({@code vie}, {@code eng}, and for
 * twenty languages a bibliographic code beside the terminologic one: {@code fre}/{@code fra}), so
 * without this {@code vi} and {@code vie} would be two languages in the facet. Every path a
 * language enters by (uploads, imports and their {@code metadata.csv}, harvests, extraction) goes
 * through {@link MetadataRules}, which applies it.
 */
public final class Languages {

    /**
     * The languages the upload and describe pages offer, in this order: the languages of the
     * country's schools and of the materials its libraries hold most. Any other tag is still kept.
     */
    public static final List<String> OFFERED = List.of("vi", "en", "fr", "zh", "ja", "ko", "ru", "de", "es",
            "km", "lo", "th");

    /**
     * ISO 639-2 bibliographic codes that differ from the terminologic ones the JDK knows
     * ({@link Locale#getISO3Language()}): the twenty the standard lists.
     */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("alb", "sqi"), Map.entry("arm", "hye"), Map.entry("baq", "eus"), Map.entry("bur", "mya"),
            Map.entry("chi", "zho"), Map.entry("cze", "ces"), Map.entry("dut", "nld"), Map.entry("fre", "fra"),
            Map.entry("geo", "kat"), Map.entry("ger", "deu"), Map.entry("gre", "ell"), Map.entry("ice", "isl"),
            Map.entry("mac", "mkd"), Map.entry("mao", "mri"), Map.entry("may", "msa"), Map.entry("per", "fas"),
            Map.entry("rum", "ron"), Map.entry("slo", "slk"), Map.entry("tib", "bod"), Map.entry("wel", "cym"));

    /** ISO 639-2/T → ISO 639-1, from the JDK's own table of two-letter codes. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private Languages() {
    }

    /**
     * The tag with its primary language in ISO 639-1 when there is such a code ({@code vie} →
     * {@code vi}, {@code fre-ca} → {@code fr-ca}, the withdrawn {@code iw} → {@code he}), stripped
     * and in lower case; a language without a two-letter code keeps its three letters. Null stays
     * null. It does not judge whether the tag is well formed ({@link MetadataRules} does).
     */
    public static String canonical(String tag) {
        if (tag == null) {
            return null;
        }
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        String primary = dash < 0 ? lower : lower.substring(0, dash);
        return primaryCode(primary) + (dash < 0 ? "" : lower.substring(dash));
    }

    private static String primaryCode(String primary) {
        if (primary.length() == 3) {
            String terminologic = BIBLIOGRAPHIC.getOrDefault(primary, primary);
            return TWO_LETTER.getOrDefault(terminologic, primary);
        }
        if (primary.length() == 2) {
            // the JDK writes the codes ISO 639 withdrew (iw, in, ji) as their successors (he, id, yi)
            String current = Locale.forLanguageTag(primary).getLanguage();
            return current.isEmpty() ? primary : current;
        }
        return primary;
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            try {
                String three = locale.getISO3Language();
                if (three.length() == 3 && !locale.getLanguage().isEmpty()) {
                    codes.putIfAbsent(three, locale.getLanguage());
                }
            } catch (MissingResourceException e) {
                // a code without a three-letter form: nothing to map
            }
        }
        return Map.copyOf(codes);
    }
}
