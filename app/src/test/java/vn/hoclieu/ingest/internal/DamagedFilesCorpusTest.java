package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Damage;
import vn.hoclieu.DamagedCorpus;
import vn.hoclieu.Messages;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.catalog.ExtractionStatus;

/**
 * Real documents — EPUB, PDF and Office files from Debian's packages and Tika's test documents
 * ({@link DamagedCorpus}) — damaged every way {@link Damage} knows, through Hoclieu's extraction: every copy
 * whose content is all there is read to (nearly) the text of the intact file, and every copy that lost its
 * content stays FAILED with a reason — or, for a PDF cut short, is read as far as its pages survive with a
 * reason that says the file is cut. Without the corpus it is skipped with one line naming the command that
 * fetches it (a failure with {@code HOCLIEU_REQUIRE_TOOLS=true}).
 */
@Tag(TestGroups.CORPUS)
class DamagedFilesCorpusTest {

    /** Of the intact file's distinct words, the share a damaged copy's text must hold to count as read. */
    private static final double READ = 0.99;

    @TempDir
    Path dir;

    /** Skips with one line naming the fetch command, or fails where tools are required. */
    private static void corpusIsThere() {
        Optional<String> missing = DamagedCorpus.missing();
        if (missing.isPresent() && Tool.required()) {
            throw new AssertionError(missing.get() + " (required: HOCLIEU_REQUIRE_TOOLS=true)");
        }
        Assumptions.assumeTrue(missing.isEmpty(), missing::get);
    }

    @Test
    void everyCopyWithItsContentIsReadAndEveryCopyWithoutStaysFailedWithAReason() throws Exception {
        corpusIsThere();
        List<String> wrong = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        int copies = 0;
        try (HoclieuExtraction hoclieu = new HoclieuExtraction(Duration.ofMinutes(2))) {
            for (Path original : DamagedCorpus.originals()) {
                String name = original.getFileName().toString();
                HoclieuExtraction.Read intact = hoclieu.read(original);
                if (intact.status() != ExtractionStatus.OK || intact.text().isBlank()) {
                    wrong.add(name + " intact: " + intact.status() + " " + intact.reason());
                    continue;
                }
                byte[] bytes = Files.readAllBytes(original);
                int dot = name.lastIndexOf('.');
                for (Damage damage : Damage.values()) {
                    if (!damage.appliesTo(name)) {
                        continue;
                    }
                    copies++;
                    String copyName = name.substring(0, dot) + "." + damage.name().toLowerCase() + name.substring(dot);
                    HoclieuExtraction.Read read = hoclieu.read(Files.write(dir.resolve(copyName), damage.apply(bytes)));
                    String reason = read.reason() == null ? "" : Messages.english(read.reason());
                    outcomes.put(copyName, read.status() + " " + reason);
                    if (damage.recoverable()) {
                        double coverage = DamagedCorpus.coverage(intact.text(), read.text());
                        if (read.status() != ExtractionStatus.OK || coverage < READ) {
                            wrong.add(copyName + ": " + read.status() + " with " + Math.round(coverage * 100)
                                    + " % of the words, " + reason);
                        }
                    } else if (reason.isBlank()) {
                        // FAILED, or what PDFBox could read of a cut PDF: either way it says why
                        wrong.add(copyName + ": " + read.status() + " without a reason");
                    }
                }
            }
        }
        outcomes.forEach((copy, outcome) -> System.out.println("DAMAGED " + copy + " -> " + outcome));
        assertThat(copies).as("every original was damaged every way that applies to it").isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }
}
