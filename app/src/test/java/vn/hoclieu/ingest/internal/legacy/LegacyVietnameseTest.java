package vn.hoclieu.ingest.internal.legacy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hoclieu.ingest.internal.legacy.LegacyVietnamese.Repair;

class LegacyVietnameseTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private static final String TITLE = "THƯ VIỆN VÀ HỌC TẬP SUỐT ĐỜI";
    private static final String LIFELONG = "Học tập suốt đời là con đường giúp mỗi người không ngừng"
            + " hoàn thiện bản thân. Thư viện cộng đồng mở cửa cho mọi lứa tuổi, từ học sinh tiểu"
            + " học đến người cao tuổi, với hàng nghìn cuốn sách, báo và tài liệu số.";
    private static final String VILLAGE = "Ở nông thôn, nhiều thư viện nhỏ được xây dựng nhờ sự"
            + " đóng góp của người dân. Các em nhỏ đến đọc truyện vào buổi chiều, còn người lớn tìm"
            + " hiểu kỹ thuật trồng trọt, chăn nuôi và cách phòng bệnh.";
    private static final String PROVINCE = "Năm 2024, thư viện tỉnh đã số hoá hơn mười nghìn trang"
            + " tư liệu quý, giúp bạn đọc ở xa có thể tra cứu qua mạng. Khuyến khích tinh thần tự"
            + " học là nhiệm vụ quan trọng của ngành giáo dục; ai cũng có thể học, ở bất cứ tuổi"
            + " nào. Ông bà, cha mẹ và con cháu cùng đọc sách là hình ảnh đẹp của một xã hội học tập.";
    private static final String BODY = LIFELONG + "\n\n" + VILLAGE + "\n\n" + PROVINCE;
    private static final String DOCUMENT = TITLE + "\n\n" + BODY;

    // The examples from the brief, as Tika shows them.

    @Test
    void repairsTcvn3() {
        assertRepaired("Häc tËp suèt ®êi", "Học tập suốt đời", "TCVN3");
    }

    @Test
    void repairsVni() {
        assertRepaired("Hoïc taäp suoát ñôøi", "Học tập suốt đời", "VNI");
    }

    @Test
    void repairsVniCapitals() {
        assertRepaired("HOÏC TAÄP SUOÁT ÑÔØI", "HỌC TẬP SUỐT ĐỜI", "VNI");
    }

    @Test
    void repairsViscii() {
        // "Học tập suốt đời" in VISCII: ọ = F7, ậ = A7, ố = AF, đ = F0, ờ = B6.
        assertRepaired("H\u00F7c t\u00A7p su\u00AFt \u00F0\u00B6i", "Học tập suốt đời", "VISCII");
    }

    @Test
    void composesDecomposedWindows1258() {
        assertRepaired("Ho\u0323c ta\u0302\u0323p suo\u0302\u0301t \u0111\u01A1\u0300i", "Học tập suốt đời",
                "WINDOWS-1258");
    }

    @Test
    void repairsWindows1258BytesReadAsWindows1252() {
        // Windows-1258 bytes F2 (dot below), EC (acute), CC (grave), F5 (ơ) shown as ò, ì, Ì, õ.
        assertRepaired("Ho\u00F2c t\u00E2\u00F2p su\u00F4\u00ECt \u00F0\u00F5\u00CCi", "Học tập suốt đời",
                "WINDOWS-1258");
    }

    // The code points themselves, written out from the published tables; the round trips below
    // use the converter's own tables and cannot catch a wrong entry.

    @Test
    void readsTheTcvn3CodePoints() {
        // Leading "0 ": a lowercase code starting a sentence is read as a capital; and the
        // capitals on their own line, or the words without other letters would follow them.
        assertThat(LegacyEncoding.TCVN3.decode("0 µ¶·¸¹ ¨»¼½¾Æ ©ÇÈÉÊË ÌÎÏÐÑ ªÒÓÔÕÖ ×ØÜÝÞ ßáâãä"
                + " «åæçèé ¬êëìíî ïñòóô \u00ADõö÷øù úûüýþ ®\n¡¢£¤¥¦§"))
                .isEqualTo("0 àảãáạ ăằẳẵắặ âầẩẫấậ èẻẽéẹ êềểễếệ ìỉĩíị òỏõóọ ôồổỗốộ ơờởỡớợ ùủũúụ"
                        + " ưừửữứự ỳỷỹýỵ đ\nĂÂÊÔƠƯĐ");
    }

    @Test
    void readsTheVniCodePoints() {
        assertThat(LegacyEncoding.VNI.decode("aø aû aõ aù aï aâ aà aå aã aá aä aê aè aú aü aé aë"
                + " ì æ ó í ò î ñ ô ö ôø öï yù OÂ ÖÕ AÊ Ñ Æ Î"))
                .isEqualTo("à ả ã á ạ â ầ ẩ ẫ ấ ậ ă ằ ẳ ẵ ắ ặ ì ỉ ĩ í ị ỵ đ ơ ư ờ ự ý Ô Ữ Ă Đ Ỉ Ỵ");
    }

    @Test
    void readsTheVisciiCodePoints() {
        assertThat(LegacyEncoding.VISCII.decode("\u0002\u0005\u0006\u0014\u0019\u001E \u0080\u009F"
                + " \u00A0\u00B4\u00BD\u00BF \u00D0\u00F0 \u00FF"))
                .isEqualTo("ẲẴẪỶỸỴ ẠỲ ÕƠơƯ Đđ Ữ");
    }

    // Every letter, through the same tables the converter uses (encoders below).

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void roundTripsEveryLetterThroughTcvn3(String letter) {
        // VN3 has no toned capitals: .VnTimeH draws the lowercase codes as capitals, and the
        // converter recognises them inside a word of capitals.
        String word = Character.isUpperCase(letter.charAt(0)) ? "B" + letter + "C" : "b" + letter + "c";
        assertThat(LegacyEncoding.TCVN3.decode(Encoders.tcvn3(word, WINDOWS_1252))).isEqualTo(word);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void roundTripsEveryLetterThroughVni(String letter) {
        assertThat(LegacyEncoding.VNI.decode(Encoders.vni(letter, WINDOWS_1252))).isEqualTo(letter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void roundTripsEveryLetterThroughViscii(String letter) {
        assertThat(LegacyEncoding.VISCII.decode(Encoders.viscii(letter, ISO_8859_1))).isEqualTo(letter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void roundTripsEveryLetterThroughWindows1258(String letter) {
        assertThat(LegacyEncoding.WINDOWS_1258.decode(Encoders.windows1258(letter, WINDOWS_1252)))
                .isEqualTo(letter);
    }

    @Test
    void testsAllToneLettersInBothCases() {
        assertThat(letters()).hasSize(134).doesNotHaveDuplicates();
    }

    // Whole documents, through detection.

    static Stream<Arguments> legacyDocuments() {
        return Stream.of(
                Arguments.of("TCVN3 as Windows-1252", Encoders.tcvn3(DOCUMENT, WINDOWS_1252), DOCUMENT, "TCVN3"),
                Arguments.of("TCVN3 as ISO-8859-1", Encoders.tcvn3(DOCUMENT, ISO_8859_1), DOCUMENT, "TCVN3"),
                Arguments.of("VNI as Windows-1252", Encoders.vni(DOCUMENT, WINDOWS_1252), DOCUMENT, "VNI"),
                Arguments.of("VNI as ISO-8859-1", Encoders.vni(DOCUMENT, ISO_8859_1), DOCUMENT, "VNI"),
                Arguments.of("VISCII as ISO-8859-1", Encoders.viscii(DOCUMENT, ISO_8859_1), DOCUMENT, "VISCII"),
                // Windows-1252 has holes where VISCII keeps Ắ Ễ Ố Ồ Ũ: the title has Ố.
                Arguments.of("VISCII as Windows-1252", Encoders.viscii(BODY, WINDOWS_1252), BODY, "VISCII"),
                Arguments.of("Windows-1258 decoded", Encoders.windows1258Form(DOCUMENT), DOCUMENT,
                        "WINDOWS-1258"),
                Arguments.of("Windows-1258 as Windows-1252", Encoders.windows1258(DOCUMENT, WINDOWS_1252),
                        DOCUMENT, "WINDOWS-1258"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyDocuments")
    void repairsParagraphsExactly(String name, String legacy, String expected, String encoding) {
        assertRepaired(legacy, expected, encoding);
    }

    @Test
    void restoresTcvn3CapitalsFromTheirWords() {
        assertThat(LegacyVietnamese.repair("Thµnh phè Hµ Néi. Hµ NéI Vµ §µ N½NG").text())
                .isEqualTo("Thành phố Hà Nội. HÀ NỘI VÀ ĐÀ NẴNG");
    }

    @Test
    void readsTcvn3CapitalsWrittenAsCapitalPlusTonedVowel() {
        assertThat(LegacyVietnamese.repair("A¸nh s¸ng v¨n ho¸. ¢Êm ¸p").text())
                .isEqualTo("Ánh sáng văn hoá. Ấm áp");
    }

    @Test
    void convertsMixedTcvn3DocumentWithEnglishAndNumbers() {
        String text = "Dự án Open Library (2019) giúp 1.200 trường học kết nối với thư viện số."
                + " Email: info@hoclieu.vn, tel. +84 24 3825 1234. Phiên bản 2.0 hỗ trợ PDF và EPUB.";

        assertRepaired(Encoders.tcvn3(text, WINDOWS_1252), text, "TCVN3");
    }

    @Test
    void keepsUnicodeWordsOfAMixedDocument() {
        String unicode = " Lời dẫn: “Học, học nữa” (Việt ngữ).";

        Repair repair = LegacyVietnamese.repair(Encoders.tcvn3(LIFELONG, WINDOWS_1252) + unicode);

        assertThat(repair).isEqualTo(new Repair(LIFELONG + unicode, "TCVN3"));
    }

    @Test
    void repairsAMegabyteDocument() {
        String unicode = (BODY + "\n").repeat(1_000_000 / BODY.length() + 1);
        String legacy = Encoders.tcvn3(unicode, WINDOWS_1252);

        assertThat(legacy.length()).isGreaterThan(1_000_000);
        assertThat(LegacyVietnamese.repair(legacy)).isEqualTo(new Repair(unicode, "TCVN3"));
    }

    // Text that is not legacy Vietnamese comes back as the same string.

    @ParameterizedTest
    @ValueSource(strings = {
        "Où est la bibliothèque? Déjà vu, élève, ça. À côté, la fenêtre de l’hôtel; « Noël » à Noël.",
        "Il était une fois un garçon très curieux qui lisait des livres près de la fenêtre; "
                + "même l’été, il préférait la bibliothèque à la plage.",
        "¿Dónde está la biblioteca? Niño, año, señor. Él sí sabe qué pasó allá, mamá.",
        "Größe, Straße, Ärger, Übung, schön. Die Bücher für Schüler liegen im Regal über dem Tisch.",
        "Não há educação sem leitura; a biblioteca está aberta às crianças e aos avós, até às três.",
        "Più di così non si può: la città è già piena di librerie, perché la cultura è libertà.",
        "Lifelong learning is the key. “Open” resources – books, videos • and more… it’s free™.",
        "• First item\n• Second item\n– a dash – and another — em dash\n© 2024 Hoclieu ®",
        "Học tập suốt đời là chìa khóa. Thư viện mở cửa cho mọi lứa tuổi, từ học sinh đến người già.",
        "Tôi là sinh viên. Cô ấy có một quyển sách về Hà Nội và Đà Nẵng; lá cờ đỏ sao vàng.",
        "Hoa hong, la xanh, nha tho: tieng Viet khong dau van doc duoc.",
        "",
        "12345 67.890 2024-01-01 +84 (0) 24",
        "Ü", "é à", "Café", "Straße"})
    void leavesOtherTextUnchanged(String text) {
        Repair repair = LegacyVietnamese.repair(text);

        assertThat(repair.text()).isSameAs(text);
        assertThat(repair.encoding()).isNull();
        assertThat(repair.converted()).isFalse();
    }

    @Test
    void leavesCorrectVietnameseDocumentsUnchanged() {
        assertThat(LegacyVietnamese.repair(DOCUMENT)).isEqualTo(new Repair(DOCUMENT, null));
    }

    @Test
    void leavesNullAlone() {
        assertThat(LegacyVietnamese.repair(null)).isEqualTo(new Repair(null, null));
    }

    @Test
    void needsMoreThanOneWordOfEvidence() {
        assertThat(LegacyVietnamese.repair("Häc").encoding()).isNull();
    }

    // The syllable test that decides.

    @ParameterizedTest
    @ValueSource(strings = {"học", "người", "nghiêng", "khuỷu", "thuở", "gì", "giữa", "quốc", "quỳnh",
        "quyển", "được", "Việt", "HỌC", "oải", "khoẻ", "hoà", "tuyệt", "ươm", "yêu", "ở", "ạ",
        "hoạch", "ngoằn"})
    void acceptsVietnameseSyllables(String syllable) {
        assertThat(VietnameseSyllable.isValid(syllable)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"café", "élève", "schön", "niño", "häc", "tËp", "hòàng", "hoc\u0323",
        "bibliothèque", "đat", "hoàc", "fố", "ngưòi", "dộjà"})
    void rejectsOtherWords(String word) {
        assertThat(VietnameseSyllable.isValid(word)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ộ, ô, 5", "Ằ, Ă, 1", "ữ, ư, 3", "a, a, 0", "đ, đ, 0"})
    void splitsVowelAndTone(char letter, char vowel, int tone) {
        assertThat(VietnameseSyllable.withoutTone(letter)).isEqualTo(vowel);
        assertThat(VietnameseSyllable.toneOf(letter)).isEqualTo(tone);
    }

    private static void assertRepaired(String legacy, String expected, String encoding) {
        Repair repair = LegacyVietnamese.repair(legacy);
        assertThat(repair.encoding()).isEqualTo(encoding);
        assertThat(repair.text()).isEqualTo(expected);
        assertThat(repair.converted()).isTrue();
    }

    /** The 67 lowercase non-ASCII Vietnamese letters (every vowel with every tone, đ) and capitals. */
    static List<String> letters() {
        List<String> lower = new ArrayList<>();
        for (char vowel : "aăâeêioôơuưy".toCharArray()) {
            for (int tone = 0; tone < VietnameseSyllable.TONE_MARKS.length(); tone++) {
                String mark = tone == 0 ? "" : String.valueOf(VietnameseSyllable.TONE_MARKS.charAt(tone));
                String letter = Normalizer.normalize(vowel + mark, Normalizer.Form.NFC);
                if (letter.charAt(0) >= 0x80) {
                    lower.add(letter);
                }
            }
        }
        lower.add("đ");
        List<String> all = new ArrayList<>(lower);
        lower.forEach(letter -> all.add(letter.toUpperCase(Locale.ROOT)));
        return all;
    }

    /**
     * Writes Unicode text in a legacy encoding with the converter's own tables, then reads the
     * bytes back as Tika would (Windows-1252 or ISO-8859-1).
     */
    static final class Encoders {

        private static final Map<Character, String> TCVN3 = inverse(Tcvn3.TABLE);
        private static final Map<Character, String> VISCII = inverse(Viscii.TABLE);
        private static final Map<Character, String> VNI = vniInverse();

        static String tcvn3(String unicode, Charset shownAs) {
            StringBuilder out = new StringBuilder();
            for (char c : unicode.toCharArray()) {
                String code = TCVN3.get(c);
                if (code == null && Character.isUpperCase(c)) {
                    code = TCVN3.get(Character.toLowerCase(c)); // .VnTimeH: lowercase code
                }
                out.append(code != null ? code : String.valueOf(c));
            }
            return shown(out, shownAs);
        }

        static String viscii(String unicode, Charset shownAs) {
            return shown(map(unicode, VISCII), shownAs);
        }

        static String vni(String unicode, Charset shownAs) {
            return shown(map(unicode, VNI), shownAs);
        }

        /** Windows-1258 form: precomposed where the code page has the letter, tones combining. */
        static String windows1258Form(String unicode) {
            StringBuilder out = new StringBuilder();
            for (char c : unicode.toCharArray()) {
                String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                StringBuilder base = new StringBuilder();
                String tone = "";
                for (char d : nfd.toCharArray()) {
                    if (VietnameseSyllable.TONE_MARKS.indexOf(d, 1) > 0) {
                        tone = String.valueOf(d);
                    } else {
                        base.append(d);
                    }
                }
                String composed = Normalizer.normalize(base, Normalizer.Form.NFC);
                boolean inCodePage = WINDOWS_1258.newEncoder().canEncode(composed + tone);
                out.append(inCodePage ? composed + tone : nfd);
            }
            return out.toString();
        }

        static String windows1258(String unicode, Charset shownAs) {
            return new String(windows1258Form(unicode).getBytes(WINDOWS_1258), shownAs);
        }

        private static String map(String unicode, Map<Character, String> codes) {
            StringBuilder out = new StringBuilder();
            for (char c : unicode.toCharArray()) {
                out.append(codes.getOrDefault(c, String.valueOf(c)));
            }
            return out.toString();
        }

        /** The bytes of the codes (U+0000–U+00FF stand for bytes), decoded as Tika would. */
        private static String shown(CharSequence codes, Charset shownAs) {
            return new String(codes.toString().getBytes(ISO_8859_1), shownAs);
        }

        private static Map<Character, String> inverse(SingleByteTable table) {
            Map<Character, String> inverse = new HashMap<>();
            for (int b = 0; b < 256; b++) {
                if (table.get(b) != 0) {
                    inverse.put(table.get(b), String.valueOf((char) b));
                }
            }
            return inverse;
        }

        private static Map<Character, String> vniInverse() {
            Map<Character, String> inverse = inverse(Vni.STANDALONE);
            for (char base : Vni.BASES.toCharArray()) {
                String baseCode = inverse.getOrDefault(base, String.valueOf(base));
                for (int b = 0xE0; b < 0x100; b++) {
                    char mark = (char) (Character.isUpperCase(base) ? b - 0x20 : b);
                    char letter = Vni.combine(base, mark);
                    if (letter != 0) {
                        inverse.putIfAbsent(letter, baseCode + mark);
                    }
                }
            }
            return inverse;
        }
    }
}
