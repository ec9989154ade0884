package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Damage;
import vn.hoclieu.Messages;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.TestFiles;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * PDFs whose cross-reference data is wrong or gone — the sample library's (a classic table) and one PDFBox
 * writes as PDF 1.5 does (a cross-reference stream, objects in object streams) — are read to the text of the
 * intact file; the broken cross-reference stream that PDFBox gives up on is read from a copy without it.
 * Copies that lost their content stay FAILED with a reason.
 */
class PdfRepairTest {

    private static TikaParsing tika;

    @TempDir
    Path dir;

    @BeforeAll
    static void tika() throws Exception {
        tika = new TikaParsing(new IngestProperties(1, Duration.ofSeconds(60), 1_000_000, 3, false, null));
    }

    private static Map<String, byte[]> pdfs() throws Exception {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        pdfs.put("hoc-tap-suot-doi.pdf", Files.readAllBytes(TestFiles.sample("hoc-tap-suot-doi.pdf")));
        pdfs.put("pdfbox.pdf", SmallFiles.pdf("thamchieu"));
        return pdfs;
    }

    private Extraction read(String name, byte[] bytes) throws Exception {
        return tika.read(Files.write(dir.resolve(name), bytes), name, null);
    }

    @Test
    void damagedCrossReferencesOfRealPdfsAreReadToTheTextOfTheIntactFile() throws Exception {
        for (Map.Entry<String, byte[]> pdf : pdfs().entrySet()) {
            Extraction intact = read(pdf.getKey(), pdf.getValue());
            assertThat(intact.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(intact.text()).as(pdf.getKey()).isNotBlank();
            for (Damage damage : Damage.values()) {
                if (damage.recoverable() && damage.appliesTo(pdf.getKey())) {
                    String name = damage.name().toLowerCase() + "-" + pdf.getKey();
                    Extraction e = read(name, damage.apply(pdf.getValue()));
                    assertThat(e.status()).as(name + ": " + e.reason()).isEqualTo(ExtractionStatus.OK);
                    assertThat(e.text()).as(name).isEqualTo(intact.text());
                }
            }
        }
    }

    @Test
    void aBrokenCrossReferenceStreamIsRebuiltFromTheObjectsAndTheReasonSaysSo() throws Exception {
        byte[] pdf = SmallFiles.pdf("dunglai");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("PDFBox writes a cross-reference stream")
                .contains("/XRef");
        Extraction e = read("hong-bang.pdf", Damage.XREF_OVERWRITTEN.apply(pdf));
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.text()).contains("dunglai");
        assertThat(Messages.english(e.reason())).startsWith("Read after repair").contains("cross-reference");
        assertThat(e.thumbnail()).as("the preview is drawn from the repaired copy").isNotNull();
    }

    @Test
    void pdfsThatLostTheirContentStayFailedWithAReason() throws Exception {
        for (Map.Entry<String, byte[]> pdf : pdfs().entrySet()) {
            for (Damage damage : List.of(Damage.CUT_TO_5_PERCENT, Damage.NOISE_AFTER_HEADER)) {
                Extraction e = read(damage.name().toLowerCase() + "-" + pdf.getKey(), damage.apply(pdf.getValue()));
                assertThat(e.status()).as(damage + " " + pdf.getKey()).isEqualTo(ExtractionStatus.FAILED);
                assertThat(Messages.vietnamese(e.reason())).as(damage + " " + pdf.getKey()).contains("hỏng");
            }
        }
    }

    @Test
    void theCopyDiffersOnlyInTheCrossReferenceKeywords() throws Exception {
        byte[] pdf = SmallFiles.pdf("tukhoa");
        Path copy = dir.resolve("ban-sao.pdf");
        PdfRepair.withoutCrossReferences(Files.write(dir.resolve("goc.pdf"), pdf), copy);
        byte[] out = Files.readAllBytes(copy);
        assertThat(out).hasSameSizeAs(pdf);
        String before = new String(pdf, StandardCharsets.ISO_8859_1);
        String after = new String(out, StandardCharsets.ISO_8859_1);
        assertThat(after).doesNotContain("startxref").contains("%tartxref").doesNotContain("/XRef").contains("/XReX");
        assertThat(after.replace("%tartxref", "startxref").replace("/XReX", "/XRef")).isEqualTo(before);
    }
}
