package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceView;

/** The shell import prints a line per file and exits non-zero when a file failed. */
class ImportCommandTest extends IntegrationTest {

    @Autowired
    ImportCommand command;

    @Autowired
    CatalogReads catalog;

    @TempDir
    Path dir;

    @Test
    void reportsEveryFileAndFailsWhenOneCannotBeRead() throws Exception {
        Files.writeString(dir.resolve("bai-doc.txt"), "Bài đọc về rừng ngập mặn " + UUID.randomUUID());
        Files.writeString(dir.resolve("hong.pdf"), "%PDF-1.4\nnot really " + UUID.randomUUID(), StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = command.run(dir, "HN-TVHN", new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(report).contains("bai-doc.txt").contains("hong.pdf").contains("2 imported").contains("1 failed");
        assertThat(report.lines().filter(l -> l.contains("hong.pdf")).findFirst().orElseThrow()).startsWith("FAILED");
        assertThat(report).contains("2/2 files read");
    }

    @Test
    void drawsAProgressBar() {
        assertThat(ImportCommand.progress(3, 12, true)).isEqualTo("\r[#######                       ] 3/12 files read");
        assertThat(ImportCommand.progress(12, 12, false)).startsWith("[" + "#".repeat(30) + "] 12/12");
    }

    @Test
    void succeedsWhenEveryFileIsReadAndRefusesAnUnknownLibrary() throws Exception {
        Files.writeString(dir.resolve("tot.txt"), "Nội dung tốt " + UUID.randomUUID());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(dir, null, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(command.run(dir, "NO-SUCH", new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(command.run(dir.resolve("missing"), null, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }

    @Test
    void subtitlesJoinTheVideoNamedLikeThemAndOthersAreImportedOnTheirOwn() throws Exception {
        byte[] video = new byte[2048];
        new Random().nextBytes(video);
        Files.write(dir.resolve("bai-1.mp4"), video);
        String cue = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n";
        Files.writeString(dir.resolve("bai-1.vi.vtt"), cue + "Phụ đề của bài một " + UUID.randomUUID());
        Files.writeString(dir.resolve("bai-10.vtt"), cue + "Phụ đề của bài mười " + UUID.randomUUID());
        Files.writeString(dir.resolve("rieng.srt"), "1\n00:00:01,000 --> 00:00:02,000\nMột phụ đề riêng " + UUID.randomUUID());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        command.run(dir, null, new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("3 files: 3 imported").contains(" bai-1.mp4").contains(" bai-10.vtt")
                .contains(" rieng.srt").doesNotContain(" bai-1.vi.vtt");
        long videoId = Long.parseLong(report.lines().filter(l -> l.contains(" bai-1.mp4")).findFirst().orElseThrow()
                .replaceAll(".*#(\\d+).*", "$1"));
        assertThat(catalog.find(videoId, ImportCommand.SHELL).orElseThrow().files())
                .extracting(ResourceView.FileView::name).containsExactly("bai-1.mp4", "bai-1.vi.vtt");
    }
}
