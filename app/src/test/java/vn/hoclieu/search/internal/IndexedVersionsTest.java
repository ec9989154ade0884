package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.search.IndexCheck;

/**
 * Comparing the index with the catalogue reads ids and versions from doc values, and still reads the
 * documents of an index written before those existed from their stored fields: an upgraded instance
 * neither re-indexes every resource nor misses a stale one.
 */
class IndexedVersionsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ResourceIndexer indexer;

    @Test
    void documentsWithAndWithoutDocValuesAreComparedByTheirVersion() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String word = "phienban" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            ids.add(Uploads.resource("Phiên bản " + word).file("pb-" + i + ".txt", "Bài đọc " + word).by(admin)
                    .to(url("")).id());
        }
        await(() -> ids.stream().allMatch(id -> !Http.get(url("/api/v1/resources/" + id), "Authorization", admin)
                .json().get("files").get(0).get("extraction").get("status").asString().equals("PENDING")),
                Duration.ofMinutes(3), "the files were never read");
        long current = ids.get(0);
        long oldFormatCurrent = ids.get(1);
        long oldFormatStale = ids.get(2);
        IndexDamage.writtenWithoutDocValues(context, oldFormatCurrent, null);
        IndexDamage.writtenWithoutDocValues(context, oldFormatStale, 1L);

        IndexCheck check = indexer.check(false);

        assertThat(check.stale()).contains(oldFormatStale).doesNotContain(current, oldFormatCurrent);
        assertThat(check.missing()).doesNotContain(current, oldFormatCurrent, oldFormatStale);
        assertThat(check.extra()).doesNotContain(current, oldFormatCurrent, oldFormatStale);
        assertThat(check.duplicated()).doesNotContain(current, oldFormatCurrent, oldFormatStale);

        // the doc value is what is read where it exists: a stored version that disagrees is not looked at
        LuceneIndex index = context.getBean(LuceneIndex.class);
        Document storedStale = indexer.document(current).orElseThrow();
        storedStale.removeFields(Fields.VERSION);
        storedStale.add(new StoredField(Fields.VERSION, 1L));
        index.awaitSearchable(index.upsert(Long.toString(current), storedStale));
        assertThat(indexer.check(false).stale()).doesNotContain(current);

        IndexDamage.makeStale(context, current);
        assertThat(indexer.check(false).stale()).contains(current, oldFormatStale).doesNotContain(oldFormatCurrent);

        indexer.reconcile();
        IndexCheck after = indexer.check(false);
        assertThat(after.stale()).doesNotContain(current, oldFormatStale);
    }
}
