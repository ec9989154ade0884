package vn.hoclieu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real documents that the damaged-files test and report damage ({@link Damage}): EPUB, PDF and Office
 * files shipped in Debian packages, fetched by {@value #FETCH} into {@code app/target/damaged-corpus} (never
 * committed), and Apache Tika's test documents of the same kinds, which the build unpacks — OpenDocument
 * files come only from there: no Debian package that ships one keeps its version for long.
 */
public final class DamagedCorpus {

    /** The command that fetches the Debian files, from the top of the repository. */
    public static final String FETCH = "app/src/bench/damaged/fetch-damaged-corpus.sh";

    /** The files the fetch script takes from Debian's packages (its SOURCES.tsv says which package and version). */
    public static final List<String> DEBIAN = List.of("policy.epub", "developers-reference.epub",
            "developers-reference.pdf", "maint-guide.en.pdf", "fhs-3.0.pdf", "example.docx", "example.pptx",
            "datasets.xlsx");

    /** Tika's test documents, under {@code target/tika-test-documents}. */
    public static final List<String> TIKA = List.of(
            "tika-parser-miscoffice-module/test-documents/testEPUB.epub",
            "tika-parser-miscoffice-module/test-documents/testODFwithOOo3.odt",
            "tika-parser-miscoffice-module/test-documents/testOpenOffice2.odt",
            "tika-parser-miscoffice-module/test-documents/versions/LibreOfficeCalc_ods_1.3.ods",
            "tika-parser-miscoffice-module/test-documents/versions/LibreOfficeImpress_odp_1.3.odp",
            "tika-parser-microsoft-module/test-documents/testWORD.docx",
            "tika-parser-microsoft-module/test-documents/testPPT.pptx",
            "tika-parser-microsoft-module/test-documents/testEXCEL.xlsx",
            "tika-parser-pdf-module/test-documents/testPDF.pdf",
            "tika-parser-pdf-module/test-documents/testPDF_Version.10.x.pdf",
            "tika-parser-pdf-module/test-documents/testPDFVarious.pdf");

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private DamagedCorpus() {
    }

    /** Where the fetch script puts the Debian files ({@code -Dhoclieu.damaged-corpus} or HOCLIEU_DAMAGED_CORPUS). */
    public static Path debianFolder() {
        return Path.of(Tool.setting("hoclieu.damaged-corpus", "target/damaged-corpus"), "originals");
    }

    public static Path tikaFolder() {
        return Path.of(Tool.setting("hoclieu.tika-test-documents", "target/tika-test-documents"));
    }

    /** Why the corpus cannot be read here, in one line naming the command that fetches it; empty when it can. */
    public static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        DEBIAN.stream().filter(f -> !Files.isRegularFile(debianFolder().resolve(f))).forEach(absent::add);
        TIKA.stream().filter(f -> !Files.isRegularFile(tikaFolder().resolve(f))).forEach(absent::add);
        return absent.isEmpty() ? Optional.empty()
                : Optional.of("the damaged-files corpus lacks " + absent.size() + " files (" + absent.get(0)
                        + (absent.size() > 1 ? ", …" : "") + "): run " + FETCH + " (apt-get download, about 6 MB)");
    }

    /** The intact originals: Debian's, then Tika's. */
    public static List<Path> originals() {
        List<Path> all = new ArrayList<>();
        DEBIAN.forEach(f -> all.add(debianFolder().resolve(f)));
        TIKA.forEach(f -> all.add(tikaFolder().resolve(f)));
        return all;
    }

    /** Where an original comes from, for the report. */
    public static String source(Path original) {
        return original.startsWith(debianFolder()) ? "Debian" : "Tika";
    }

    /**
     * How much of {@code intact}'s text a reading of a damaged copy gave: the share of its distinct words (three
     * letters or more, any case) found in {@code read}. 1 for a text that has no such word, when {@code read}
     * has none either.
     */
    public static double coverage(String intact, String read) {
        Set<String> expected = words(intact);
        if (expected.isEmpty()) {
            return words(read).isEmpty() ? 1 : 0;
        }
        Set<String> found = words(read);
        return expected.stream().filter(found::contains).count() / (double) expected.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
