package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Apache Tika's own test documents — about 650 odd, damaged, encrypted, embedded-everything files
 * from the parser modules' {@code tests} jars, unpacked by the build into
 * {@code target/tika-test-documents} — imported in bulk the way a librarian would, with the shell
 * import ({@code java -jar hoclieu.jar import DIR}) in a JVM of its own: every file ends with a
 * status and a reason, the encrypted ones say so, and the server then starts on that data and
 * serves searches with nothing left to do.
 */
@Tag(TestGroups.PROCESS)
@Tag(TestGroups.CORPUS)
class TikaTestDocumentsImportTest {

    private static final Path DOCUMENTS = Path.of("target/tika-test-documents");
    private static final String PASSWORD = "tika-documents-password";

    @TempDir
    static Path data;

    private static int exit;
    private static List<String> report;
    private static int files;

    @BeforeAll
    static void importEveryDocument() throws Exception {
        try (Stream<Path> walk = Files.walk(DOCUMENTS)) {
            files = (int) walk.filter(Files::isRegularFile).count();
        }
        assertThat(files).as("Tika's test documents were unpacked by the build").isGreaterThan(600);
        Path out = data.resolve("import.log");
        // OCR off: reading hundreds of pictures with Tesseract would take most of the build
        Process shell = Instance.java(out, "import", DOCUMENTS.toString(), "--hoclieu.data-dir=" + data,
                "--hoclieu.admin-password=" + PASSWORD,
                "--hoclieu.ingest.ocr=false", "--hoclieu.ingest.timeout=60s", "--hoclieu.ingest.workers=2");
        assertThat(shell.waitFor(20, TimeUnit.MINUTES)).as("the import ended").isTrue();
        exit = shell.exitValue();
        report = Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyDocumentEndsWithAStatusAndEveryFailureWithAReason() {
        assertThat(exit).as("some files cannot be read, so the import says so: " + tail()).isEqualTo(1);
        List<String> lines = report.stream().filter(l -> l.matches("^(OK|FAILED|DUPLICATE) .*")).toList();
        assertThat(lines).as("one line per file").hasSizeGreaterThanOrEqualTo(files - 5);
        Map<String, Integer> statuses = new TreeMap<>();
        for (String line : lines) {
            String[] columns = line.split("\\s+");
            statuses.merge(columns[0] + (columns[0].equals("DUPLICATE") ? "" : " " + columns[1]), 1, Integer::sum);
            if (line.startsWith("FAILED")) {
                assertThat(line).as("a failure says why").contains(" — ");
            }
        }
        System.out.println("Tika test documents imported: " + statuses);
        assertThat(statuses.getOrDefault("OK OK", 0)).isGreaterThan(files / 2);
        assertThat(report).anyMatch(l -> l.matches("^\\d+ files: \\d+ imported, \\d+ duplicates, \\d+ failed$"));
    }

    @Test
    void encryptedDocumentsAreReportedAsSuch() {
        // a PDF with only an owner password is readable and read; files that need a password nobody gave end ENCRYPTED
        assertThat(line("tika-parser-pdf-module/test-documents/testPDF_protected.pdf")).startsWith("OK ");
        for (String name : new String[] {"tika-parser-microsoft-module/test-documents/testWORD_protected_passtika.docx",
                "tika-parser-microsoft-module/test-documents/testEXCEL_protected_passtika.xlsx",
                "tika-parser-microsoft-module/test-documents/testPPT_protected_passtika.pptx",
                "tika-parser-pkg-module/test-documents/full_encrypted.7z"}) {
            assertThat(line(name)).as(name).contains(" ENCRYPTED ").contains("password");
        }
        long encrypted = report.stream().filter(l -> l.contains(" ENCRYPTED ")).count();
        assertThat(encrypted).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theServerThenStartsOnThatDataWithNothingLeftToDoAndServesSearches() throws Exception {
        try (Instance server = Instance.start(data, "--hoclieu.admin-password=" + PASSWORD, "--hoclieu.ingest.ocr=false")) {
            String admin = Http.basic("admin", PASSWORD);
            assertThat(Http.get(server.url("/actuator/health")).json().get("status").asString()).isEqualTo("UP");
            for (String open : new String[] {"QUEUED", "RUNNING"}) {
                assertThat(Http.get(server.url("/api/v1/ingest/jobs?status=" + open), "Authorization", admin).json())
                        .as(open).isEmpty();
            }
            long imported = report.stream().filter(l -> l.matches("^(OK|FAILED) +[A-Z_]+ +#\\d+ .*")).count();
            JsonNode all = Http.get(server.url("/api/v1/search?q=&size=1")).json();
            assertThat(all.get("total").asLong()).as("every imported file is in the index").isEqualTo(imported);
            JsonNode found = Http.get(server.url("/api/v1/search?q=" + Http.q("Apache Tika"))).json();
            assertThat(found.get("total").asLong()).isPositive();
            assertThat(found.get("hits").get(0).get("snippet").asString()).contains("<mark>");
        }
    }

    private static String line(String file) {
        return report.stream().filter(l -> l.endsWith(" " + file) || l.contains(" " + file + " — ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + file + "; " + tail()));
    }

    private static String tail() {
        List<String> last = new ArrayList<>(report.subList(Math.max(0, report.size() - 15), report.size()));
        return String.join("\n", last);
    }
}
