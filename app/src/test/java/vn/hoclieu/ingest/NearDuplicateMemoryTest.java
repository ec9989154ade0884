package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestFiles;
import vn.hoclieu.account.Role;

/**
 * Near-duplicates are found among signatures kept in memory, and what is reported is what the
 * database holds when it is reported: a file read again elsewhere (another node sharing the
 * database) since its signature was kept is not offered on the strength of its old text.
 */
class NearDuplicateMemoryTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMatchIsWhatTheDatabaseHoldsNow() throws Exception {
        String librarian = Http.basic(account("librarian-near-memory", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        // a text no sample holds: the words of one sample in reverse order
        List<String> words = new ArrayList<>(List.of(Files.readString(TestFiles.sample("src/hoc-tap-suot-doi.md"),
                StandardCharsets.UTF_8).split("\\s+")));
        Collections.reverse(words);
        String text = String.join(" ", words);

        long first = upload(librarian, "dao-nguoc-1.txt", text + "\nBản thứ nhất.");
        long second = upload(librarian, "dao-nguoc-2.txt", text + "\nBản thứ hai, có thêm một dòng ở cuối.");
        assertThat(nearDuplicateOf(second)).isEqualTo(first);

        // the first file read again by another node: its text is now another one
        jdbc.update("update resource_file set fingerprint = (select fingerprint from resource_file f2 "
                + "where f2.resource_id <> ? and f2.fingerprint is not null and f2.resource_id <> ? "
                + "order by f2.id fetch first 1 rows only) where resource_id = ?", first, second, first);

        // the first one's text exactly (another file: a line break more), but the first one has another text now
        long third = upload(librarian, "dao-nguoc-3.txt", text + "\nBản thứ nhất.\n");
        assertThat(nearDuplicateOf(third)).isEqualTo(second);
    }

    private long upload(String credentials, String name, String text) throws Exception {
        Http.Response created = Http.upload(url("/api/v1/resources"), credentials,
                Map.of(name, text.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(created.status()).isEqualTo(201);
        awaitIngestIdle();
        return created.json().get("id").asLong();
    }

    private long nearDuplicateOf(long id) throws Exception {
        JsonNode near = Http.get(url("/api/v1/resources/" + id)).json().get("files").get(0).get("nearDuplicate");
        assertThat(near != null && !near.isNull()).as("resource %d has a near-duplicate", id).isTrue();
        return near.get("resourceId").asLong();
    }
}
