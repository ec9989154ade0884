package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/** Views and downloads are counted once per visit, written in batches, and drive {@code sort=popular}. */
@Tag(TestGroups.POSTGRES)
class UsageTest extends IntegrationTest {

    @Autowired
    UsageService usage;

    @Autowired
    CatalogFeeds catalog;

    @Test
    void viewsAndDownloadsAreCountedOncePerVisitAndOrderThePopularSort() {
        awaitIngestIdle();
        JsonNode newest = Http.get(url("/api/v1/search?q=&sort=newest&size=20")).json().get("hits");
        long target = newest.get(newest.size() - 1).get("id").asLong(); // an old one, not first by chance
        JsonNode resource = Http.get(url("/api/v1/resources/" + target)).json();
        long fileId = resource.get("files").get(0).get("id").asLong();
        UsageService.Usage before = usage.usage(target);

        for (int i = 0; i < 25; i++) {
            assertThat(Http.get(url("/resources/" + target), "User-Agent", "reader-" + i).status()).isEqualTo(200);
        }
        // the same person reloading, and a crawler: not counted
        for (int i = 0; i < 5; i++) {
            Http.get(url("/resources/" + target), "User-Agent", "reader-0");
            Http.get(url("/resources/" + target), "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)");
        }
        String content = "/api/v1/resources/" + target + "/files/" + fileId + "/content";
        assertThat(Http.get(url(content + "?download=true"), "User-Agent", "reader-1").status()).isEqualTo(200);
        Http.get(url(content + "?download=true"), "User-Agent", "reader-1");
        // a player fetching the rest of a file in pieces is the same download
        Http.get(url(content + "?download=true"), "User-Agent", "reader-2", "Range", "bytes=0-99");
        Http.get(url(content + "?download=true"), "User-Agent", "reader-2", "Range", "bytes=100-199");

        UsageService.Usage counted = usage.usage(target);
        assertThat(counted.views() - before.views()).isEqualTo(25);
        assertThat(counted.downloads() - before.downloads()).isEqualTo(2);

        usage.flush();
        assertThat(usage.usage(target)).isEqualTo(counted);
        assertThat(catalog.snapshot(target).orElseThrow().popularity()).isEqualTo(counted.popularity());
        await(() -> Http.get(url("/api/v1/search?q=&sort=popular&size=1")).json()
                        .get("hits").get(0).get("id").asLong() == target,
                Duration.ofSeconds(5), "the most used resource is not first in sort=popular");
        String home = Http.get(url("/")).body();
        String mostUsed = home.substring(home.indexOf("Được dùng nhiều nhất"));
        assertThat(mostUsed).contains("href=\"/resources/" + target + "\"");
        assertThat(mostUsed.indexOf("/resources/" + target + "\"")).isLessThan(mostUsed.indexOf("</li>"));
    }
}
