package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import vn.hoclieu.account.Viewer;

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

    @Test
    void filesReadAtTheSameTimeAreComparedWithEachOther() throws Exception {
        // a text no sample holds: every other word of one sample, in reverse order
        List<String> words = new ArrayList<>(List.of(Files.readString(TestFiles.sample("src/hoc-tap-suot-doi.md"),
                StandardCharsets.UTF_8).split("\\s+")));
        Collections.reverse(words);
        List<String> half = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) {
            half.add(words.get(i));
        }
        String text = String.join(" ", half);
        // the same text twice, side by side in one folder, as a PDF and a DOCX of one lecture would be;
        // then unrelated files, so that both are read while the other is still being recorded
        Path folder = Files.createTempDirectory("near-together");
        Files.writeString(folder.resolve("a-ban-mot.txt"), text + "\nBản một.");
        Files.writeString(folder.resolve("b-ban-hai.txt"), text + "\nBản hai.");
        for (int i = 0; i < 6; i++) {
            Files.writeString(folder.resolve("c-khac-" + i + ".txt"), "Tệp khác số " + i + " " + String.join(" ",
                    words.subList(i * 80, i * 80 + 60)));
        }
        ImportReport report = ingest.importFolder(folder, null, new Viewer(0L, "system:test-near", Role.ADMIN,
                null));
        awaitIngestIdle();
        Map<String, Long> ids = new java.util.HashMap<>();
        report.entries().forEach(e -> ids.put(e.file(), e.resourceId()));
        long first = ids.get("a-ban-mot.txt");
        long second = ids.get("b-ban-hai.txt");
        JsonNode a = Http.get(url("/api/v1/resources/" + first)).json().get("files").get(0).get("nearDuplicate");
        JsonNode b = Http.get(url("/api/v1/resources/" + second)).json().get("files").get(0).get("nearDuplicate");
        // whichever was compared second names the other
        boolean aNamesB = a != null && !a.isNull() && a.get("resourceId").asLong() == second;
        boolean bNamesA = b != null && !b.isNull() && b.get("resourceId").asLong() == first;
        assertThat(aNamesB || bNamesA).as("one of two files read together names the other").isTrue();
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
