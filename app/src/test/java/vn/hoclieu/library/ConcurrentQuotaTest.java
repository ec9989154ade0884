package vn.hoclieu.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import vn.hoclieu.storage.BlobStore;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Uploads at the same moment into a library with a quota: the quota is never exceeded, every refused
 * upload gets the 507 with its message, and a refused upload leaves nothing behind (no resource, no blob,
 * no reservation).
 */
@Tag(TestGroups.POSTGRES)
class ConcurrentQuotaTest extends IntegrationTest {

    private static final String ADMIN = Http.basic("admin", PASSWORD);
    private static final int UPLOADS = 8;
    private static final int SIZE = 3_000;
    private static final long QUOTA = 10_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlobStore blobs;

    @Test
    void uploadsAtTheSameMomentNeverTakeALibraryOverItsQuota() throws Exception {
        String code = "HN-DONGTHOI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Response created = Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Thư viện đồng thời\",\"type\":\"PUBLIC\",\"quotaBytes\":" + QUOTA + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String auth = Http.basic(account("thu-thu-" + code.toLowerCase(), Role.LIBRARIAN, code), PASSWORD);

        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            String unique = "dongthoi " + UUID.randomUUID() + " ";
            contents.add((unique + "x".repeat(SIZE - unique.length())).getBytes(StandardCharsets.UTF_8));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                byte[] bytes = contents.get(i);
                String name = "dong-thoi-" + i + ".txt";
                answers.add(pool.submit(() -> {
                    go.await();
                    return Http.upload(url("/api/v1/resources"), auth, Map.of(name, bytes), null);
                }));
            }
            go.countDown();
            int stored = 0;
            for (int i = 0; i < UPLOADS; i++) {
                Http.Response r = answers.get(i).get();
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents.get(i)));
                if (r.status() == 201) {
                    stored++;
                    assertThat(blobs.exists(sha)).isTrue();
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(507);
                    assertThat(r.json().get("detail").asString()).startsWith("Thư viện “Thư viện đồng thời” đã dùng")
                            .contains("trên 9,8 KB dung lượng được cấp; tệp này cần thêm 2,9 KB");
                    assertThat(blobs.exists(sha)).as("a refused upload leaves no blob").isFalse();
                }
            }
            assertThat(stored).as("three files of 3,000 bytes fit in 10,000, a fourth does not").isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        Long libraryId = jdbc.queryForObject("select id from library where code = ?", Long.class, code);
        Long used = jdbc.queryForObject("select coalesce(sum(f.size), 0) from resource_file f join resource r"
                + " on r.id = f.resource_id where r.library_id = ?", Long.class, libraryId);
        assertThat(used).isEqualTo(3L * SIZE).isLessThanOrEqualTo(QUOTA);
        assertThat(jdbc.queryForObject("select count(*) from resource where library_id = ?", Long.class, libraryId))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from upload_reservation where library_id = ?", Long.class,
                libraryId)).as("no reservation is left").isZero();
    }
}
