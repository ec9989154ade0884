package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * A worker reads its next file while the last one's recording waits for the index to show it; a job
 * must all the same end only once its file's words are found. Watched from outside, as a librarian
 * would: every job seen DONE is searched for at once.
 */
@Tag(TestGroups.POSTGRES)
class FinishedMeansSearchableTest extends IntegrationTest {

    @Test
    void everyJobSeenDoneHasItsWordsFoundAtOnce() {
        String librarian = Http.basic(account("librarian-read-ahead", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Map<Long, String> wordOf = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String word = "docxong" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            byte[] text = ("Bài đọc thêm số " + i + " về lịch sử địa phương. Từ riêng " + word + " để tìm.")
                    .getBytes(StandardCharsets.UTF_8);
            Http.Response created = Uploads.resource("Bài đọc thêm " + i).licence("CC-BY-4.0").visibility("PUBLIC")
                    .file("bai-doc-" + i + ".txt", text).by(librarian).send(url(""));
            assertThat(created.status()).isEqualTo(201);
            wordOf.put(created.json().get("id").asLong(), word);
        }
        Set<Long> checked = new HashSet<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (checked.size() < wordOf.size() && Instant.now().isBefore(deadline)) {
            for (JsonNode job : Http.get(url("/api/v1/ingest/jobs?status=DONE&limit=100"), "Authorization", librarian)
                    .json()) {
                long resourceId = job.get("resourceId").asLong();
                String word = wordOf.get(resourceId);
                if (word != null && checked.add(resourceId)) {
                    JsonNode found = Http.get(url("/api/v1/search?q=" + word)).json();
                    assertThat(found.get("total").asLong()).as("the words of %s, whose job is DONE", resourceId)
                            .isEqualTo(1);
                    assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(resourceId);
                }
            }
        }
        assertThat(checked).as("every job finished").hasSameSizeAs(wordOf.keySet());
    }
}
