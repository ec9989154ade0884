package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * A library's jobs are found however many newer jobs other libraries have: the librarian's filter is in
 * the query, pages are full and follow each other by {@code before}, and the counts are the library's.
 */
@Tag(TestGroups.POSTGRES)
class IngestJobsPagingTest extends IntegrationTest {

    private static final String ADMIN = Http.basic("admin", PASSWORD);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLibrarysJobsBehindThousandsOfOtherLibrariesJobsAreListedPagedAndCounted() throws Exception {
        String code = "HN-TRANG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Response library = Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Thư viện phân trang\",\"type\":\"PUBLIC\"}");
        assertThat(library.status()).as(library.body()).isEqualTo(201);
        String librarianName = account("thu-thu-" + code.toLowerCase(), Role.LIBRARIAN, code);
        String librarian = Http.basic(librarianName, PASSWORD);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Response r = Http.upload(url("/api/v1/resources"), librarian, Map.of("trang-" + i + ".txt",
                    ("phantrang " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            mine.add(r.json().get("id").asLong());
        }
        Http.Response other = Http.upload(url("/api/v1/resources"), Http.basic(account("thu-thu-trang-khac",
                Role.LIBRARIAN, "HN-TVHN"), PASSWORD), Map.of("khac.txt",
                ("thuvienkhac " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        long otherResource = other.json().get("id").asLong();
        await(() -> ingest.jobsOf(List.of(mine.get(0), mine.get(1), mine.get(2), otherResource)).stream()
                .allMatch(j -> j.status() == JobStatus.DONE), Duration.ofSeconds(60), "the uploads' jobs did not end");
        long template = ingest.jobsOf(List.of(otherResource)).get(0).id();
        // 1,200 newer finished jobs of another library: more than any window a filter in Java looked through
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            rows.add(new Object[] {template});
        }
        jdbc.batchUpdate("insert into ingest_job (resource_id, file_id, file_name, status, reason, attempts, not_before,"
                + " created_at, finished_at) select resource_id, file_id, file_name, status, reason, attempts, not_before,"
                + " created_at, finished_at from ingest_job where id = ?", rows);
        try {
            JsonNode first = Http.get(url("/api/v1/ingest/jobs?status=DONE&limit=2"), "Authorization", librarian).json();
            assertThat(first).hasSize(2);
            assertThat(first.get(0).get("resourceId").asLong()).isEqualTo(mine.get(2));
            assertThat(first.get(1).get("resourceId").asLong()).isEqualTo(mine.get(1));
            JsonNode second = Http.get(url("/api/v1/ingest/jobs?status=DONE&limit=2&before=" + first.get(1).get("id").asLong()),
                    "Authorization", librarian).json();
            assertThat(second).hasSize(1);
            assertThat(second.get(0).get("resourceId").asLong()).isEqualTo(mine.get(0));
            JsonNode all = Http.get(url("/api/v1/ingest/jobs"), "Authorization", librarian).json();
            assertThat(all).hasSize(3);

            JsonNode adminsPage = Http.get(url("/api/v1/ingest/jobs?limit=1000"), "Authorization", ADMIN).json();
            assertThat(adminsPage).as("an administrator's page is full").hasSize(1000);

            Browser browser = new Browser(url(""));
            browser.signIn(librarianName, PASSWORD);
            // the words and the numbers, without the markup around each number (the dashboard updates those)
            String page = HtmlUtils.htmlUnescape(browser.get("/ingest").body()).replaceAll("<[^>]+>", "");
            assertThat(page).as("the counts are the library's").contains("Xong: 3");
        } finally {
            jdbc.update("delete from ingest_job where id > ? and resource_id = ?", template, otherResource);
        }
    }
}
