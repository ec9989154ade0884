package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.HostilePdfs;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.PictureProcesses;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;

/**
 * A server, as it runs by default, asked by phones for the pages of PDFs whose drawing never ends:
 * each is stopped at the limit with the process drawing it, its readers are told to download it, and
 * the pages of other books are drawn at once afterwards. Drawn in the server's own JVM, two such files
 * would keep both turns (and two cores) for as long as the server runs.
 */
@Tag(TestGroups.PROCESS)
class HostilePdfPagesTest {

    private static final String PASSWORD = "hostile-pages-password";

    @TempDir
    Path data;

    @Test
    void pagesThatNeverEndAreStoppedAndOtherBooksAreStillDrawn() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        try (Instance server = Instance.start(data, "--hoclieu.admin-password=" + PASSWORD,
                "--hoclieu.ingest.workers=2", "--hoclieu.ingest.timeout=5s")) {
            String base = server.url("");
            Uploads.Created[] bombs = new Uploads.Created[2];
            for (int i = 0; i < bombs.length; i++) {
                bombs[i] = Uploads.resource("Sách không bao giờ vẽ xong " + i).visibility("PUBLIC")
                        .file("bom-" + i + ".pdf", HostilePdfs.formBomb(32, "bom" + i)).by(admin).to(base);
            }
            Uploads.Created book = Uploads.resource("Sách ba trang").visibility("PUBLIC")
                    .file("ba-trang.pdf", SmallFiles.book("batrang", 3)).by(admin).to(base);
            awaitJobs(base, admin);

            // two phones, each opening one of them: both turns taken, both stopped at the limit
            Instant start = Instant.now();
            List<CompletableFuture<Http.Response>> opened = List.of(bombs).stream()
                    .map(b -> CompletableFuture.supplyAsync(() -> Http.get(page(base, b, 1))))
                    .toList();
            for (CompletableFuture<Http.Response> f : opened) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(404);
                assertThat(r.json().get("detail").asString()).contains("tải tệp về");
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
            // marked: the next reader is told at once, nothing is drawn again
            Instant again = Instant.now();
            assertThat(Http.get(page(base, bombs[0], 1)).status()).isEqualTo(404);
            assertThat(Duration.between(again, Instant.now())).isLessThan(Duration.ofSeconds(5));

            // another book's pages are drawn straight away: the turns came back
            BufferedImage second = ImageIO.read(new ByteArrayInputStream(Http.bytes(page(base, book, 2), null)));
            assertThat(second.getWidth()).isEqualTo(960);
            // and no process is still drawing the bombs: one picture process at most, the one that drew page 2
            assertThat(PictureProcesses.of(server.handle())).hasSize(1);
        }
    }

    private static String page(String base, Uploads.Created resource, int page) {
        return base + "/api/v1/resources/" + resource.id() + "/files/" + resource.fileId() + "/pages/" + page;
    }

    private static void awaitJobs(String base, String admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode queued = Http.get(base + "/api/v1/ingest/jobs?status=QUEUED", "Authorization", admin).json();
            JsonNode running = Http.get(base + "/api/v1/ingest/jobs?status=RUNNING", "Authorization", admin).json();
            if (queued.isEmpty() && running.isEmpty()) {
                return;
            }
            assertThat(Instant.now()).as("jobs finished").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
