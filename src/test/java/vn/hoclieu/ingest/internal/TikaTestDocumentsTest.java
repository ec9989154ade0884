package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Apache Tika's own test documents (from the parser modules' {@code tests} jars, unpacked by the
 * build into {@code target/tika-test-documents}): hundreds of odd, damaged, encrypted and
 * embedded-everything files, read in bulk by two extractor processes. Every file ends in a final
 * state with a reason, the known encrypted ones say so, and the pool still reads an ordinary file
 * afterwards.
 */
class TikaTestDocumentsTest {

    private static final Path DOCUMENTS = Path.of("target/tika-test-documents");
    private static ExtractorPool pool;
    private static final Map<String, Extraction> results = new ConcurrentHashMap<>();

    @BeforeAll
    static void readEveryDocument() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DOCUMENTS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("Tika's test documents were unpacked by the build").hasSizeGreaterThan(400);
        pool = new ExtractorPool(new IngestProperties(2, Duration.ofSeconds(60), 5_000_000, 1, false, null, true, "512m"));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (Path file : files) {
            done.add(workers.submit(() -> results.put(DOCUMENTS.relativize(file).toString(),
                    pool.extract(file, file.getFileName().toString(), null))));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        workers.shutdown();
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void everyDocumentEndsInAFinalStateWithAReason() {
        Map<ExtractionStatus, Integer> counts = new EnumMap<>(ExtractionStatus.class);
        results.forEach((name, e) -> {
            counts.merge(e.status(), 1, Integer::sum);
            assertThat(e.status()).as(name).isNotEqualTo(ExtractionStatus.PENDING);
            if (!e.status().hasText()) {
                assertThat(e.reason()).as("reason for " + name + " (" + e.status() + ")").isNotBlank();
            }
        });
        System.out.println("Tika test documents by status: " + counts);
        assertThat(counts.getOrDefault(ExtractionStatus.OK, 0)).isGreaterThan(results.size() / 2);
    }

    @Test
    void encryptedDocumentsAreReportedAsSuch() {
        // a PDF with only an owner password, and an Excel file with Excel's default password, are
        // readable and read; files that need a password nobody gave end ENCRYPTED
        assertThat(status("tika-parser-pdf-module/test-documents/testPDF_protected.pdf")).isEqualTo(ExtractionStatus.OK);
        List<String> encrypted = results.entrySet().stream()
                .filter(e -> e.getValue().status() == ExtractionStatus.ENCRYPTED).map(Map.Entry::getKey).sorted().toList();
        System.out.println("Encrypted: " + encrypted);
        assertThat(encrypted).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(name -> assertThat(name.toLowerCase()).containsAnyOf("protect", "encrypt", "pass", "owner_user"));
        for (String name : new String[] {"testWORD_protected_passtika.docx", "testEXCEL_protected_passtika.xlsx",
                "testPPT_protected_passtika.pptx", "testWORD_protected_passtika.doc"}) {
            assertThat(status("tika-parser-microsoft-module/test-documents/" + name)).as(name)
                    .isEqualTo(ExtractionStatus.ENCRYPTED);
        }
        assertThat(status("tika-parser-pkg-module/test-documents/full_encrypted.7z")).isEqualTo(ExtractionStatus.ENCRYPTED);
    }

    @Test
    void thePoolStillReadsAnOrdinaryFileAfterwards() {
        Extraction e = pool.extract(Path.of("sample-resources/lich-su-ha-noi.txt"), "a.txt", "text/plain");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.text()).contains("Quốc Tử Giám");
    }

    private static ExtractionStatus status(String name) {
        assertThat(results).containsKey(name);
        return results.get(name).status();
    }
}
