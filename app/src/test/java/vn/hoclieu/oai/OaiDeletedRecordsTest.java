package vn.hoclieu.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceChanges;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.oai.internal.OaiRecordKeeper;

/**
 * Only published, public material is ever shown, and what was shown and then withdrawn, made
 * private or lost stays as a deleted record with the datestamp of that change, so that
 * harvesters remove it too.
 */
class OaiDeletedRecordsTest extends IntegrationTest {

    private static final String REPOSITORY = "oai:hoclieu.local:";
    private static final Viewer ADMIN = new Viewer(0L, "oai-test-admin", Role.ADMIN, null);

    @Autowired
    ResourceChanges catalog;

    @Autowired
    OaiRecordKeeper keeper;

    @Autowired
    JdbcTemplate jdbc;

    private OaiClient oai;

    @BeforeEach
    void harvester() {
        oai = new OaiClient(url("/oai"));
    }

    @Test
    void libraryAndNetworkMaterialNeverAppears() {
        long library = upload("Tài liệu nội bộ thư viện", "LIBRARY");
        long network = upload("Tài liệu trong mạng lưới", "NETWORK");
        awaitIngestIdle();
        // a change that keeps it from the public does not reveal it either
        catalog.updateVisibility(library, Visibility.NETWORK, ADMIN);
        catalog.withdraw(network, ADMIN);

        for (long id : List.of(library, network)) {
            assertThat(oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + REPOSITORY + id).error())
                    .isEqualTo("idDoesNotExist");
            assertThat(oai.get("verb=ListMetadataFormats&identifier=" + REPOSITORY + id).error())
                    .isEqualTo("idDoesNotExist");
        }
        List<String> all = headers("verb=ListIdentifiers&metadataPrefix=oai_dc");
        assertThat(all).isNotEmpty().noneMatch(h -> h.startsWith(REPOSITORY + library + " ")
                || h.startsWith(REPOSITORY + network + " "));
    }

    @Test
    void withdrawingAPublicResourceLeavesADeletedRecordWithANewerDatestamp() {
        long id = upload("Bài sẽ bị rút lại", "PUBLIC");
        awaitIngestIdle();
        OaiClient.Response shown = getRecord(id, "oai_dc");
        assertThat(shown.count("//oai:record/oai:metadata/oai_dc:dc")).isOne();
        Instant before = Instant.parse(shown.text("//oai:header/oai:datestamp"));
        nextSecond();

        catalog.withdraw(id, ADMIN);

        OaiClient.Response deleted = getRecord(id, "oai_dc");
        assertThat(deleted.error()).isEmpty();
        assertThat(deleted.text("//oai:record/oai:header/@status")).isEqualTo("deleted");
        assertThat(deleted.count("//oai:record/oai:metadata")).isZero();
        Instant withdrawn = Instant.parse(deleted.text("//oai:header/oai:datestamp"));
        assertThat(withdrawn).isAfter(before);
        // still in the sets it was harvested from, so that their harvesters learn of it
        assertThat(deleted.texts("//oai:header/oai:setSpec")).contains("library:HN-TVHN");
        assertThat(getRecord(id, "oai_qdc").text("//oai:record/oai:header/@status")).isEqualTo("deleted");

        String since = Instant.parse(deleted.text("//oai:responseDate")).minusSeconds(2).toString();
        assertThat(headers("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + since))
                .contains(REPOSITORY + id + " deleted");
        assertThat(headers("verb=ListRecords&metadataPrefix=oai_qdc&set=library:HN-TVHN&from=" + since))
                .contains(REPOSITORY + id + " deleted");
        assertThat(oai.get("verb=ListMetadataFormats&identifier=" + REPOSITORY + id)
                .texts("//oai:metadataPrefix")).containsExactly("oai_dc", "oai_qdc");
    }

    @Test
    void makingAPublicResourcePrivateDeletesItsRecordAndMakingItPublicAgainRestoresIt() {
        long id = upload("Bài đổi phạm vi chia sẻ", "PUBLIC");
        awaitIngestIdle();
        Instant shown = datestamp(getRecord(id, "oai_dc"));
        nextSecond();

        catalog.updateVisibility(id, Visibility.LIBRARY, ADMIN);
        OaiClient.Response hidden = getRecord(id, "oai_dc");
        assertThat(hidden.text("//oai:header/@status")).isEqualTo("deleted");
        assertThat(datestamp(hidden)).isAfter(shown);
        nextSecond();

        catalog.updateVisibility(id, Visibility.PUBLIC, ADMIN);
        OaiClient.Response again = getRecord(id, "oai_dc");
        assertThat(again.text("//oai:header/@status")).isEmpty();
        assertThat(again.text("//oai_dc:dc/dc:title")).isEqualTo("Bài đổi phạm vi chia sẻ");
        assertThat(datestamp(again)).isAfter(datestamp(hidden));
        nextSecond();

        // a change nobody harvesting can see (same record) leaves the datestamp alone
        catalog.updateVisibility(id, Visibility.PUBLIC, ADMIN);
        assertThat(datestamp(getRecord(id, "oai_dc"))).isEqualTo(datestamp(again));
    }

    @Test
    void aChangeTheProviderMissedIsCaughtUpByTheStartUpReconciliation() {
        long id = upload("Bài đổi mà không có sự kiện", "PUBLIC");
        awaitIngestIdle();
        Instant shown = datestamp(getRecord(id, "oai_dc"));
        nextSecond();
        // behind the catalogue's back, as if the application had died between the commit and its event
        jdbc.update("update resource set visibility = 'NETWORK', updated_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC), id);
        assertThat(getRecord(id, "oai_dc").text("//oai:header/@status")).isEmpty();

        assertThat(keeper.reconcile()).isPositive();

        OaiClient.Response deleted = getRecord(id, "oai_dc");
        assertThat(deleted.text("//oai:header/@status")).isEqualTo("deleted");
        assertThat(datestamp(deleted)).isAfter(shown);
        assertThat(keeper.reconcile()).as("nothing left to catch up").isZero();
    }

    @Test
    void charactersXmlCannotCarryAreDroppedFromTheMetadata() {
        String librarian = account("oai-librarian", Role.LIBRARIAN, "HN-TVHN");
        Http.Response r = Http.upload(url("/api/v1/resources"), Http.basic(librarian, PASSWORD),
                Map.of("dieu-khien.txt", ("ký tự điều khiển " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)),
                "{\"title\":\"Ký\\u0001 tự\\u001b điều khiển\",\"description\":\"Mô\\u0000 tả\\ufffe và 😀\","
                        + "\"visibility\":\"PUBLIC\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        awaitIngestIdle();

        for (String prefix : List.of("oai_dc", "oai_qdc")) {
            OaiClient.Response record = getRecord(id, prefix);
            assertThat(record.text("//dc:title")).isEqualTo("Ký tự điều khiển");
            assertThat(record.text("//dc:description")).isEqualTo("Mô tả và 😀");
        }
    }

    private OaiClient.Response getRecord(long id, String prefix) {
        return oai.get("verb=GetRecord&metadataPrefix=" + prefix + "&identifier=" + REPOSITORY + id);
    }

    private static Instant datestamp(OaiClient.Response r) {
        return Instant.parse(r.text("//oai:header/oai:datestamp"));
    }

    /** "identifier" or "identifier deleted" for every header of the list, following its tokens. */
    private List<String> headers(String query) {
        List<String> out = new ArrayList<>();
        String verb = query.replaceAll(".*verb=([A-Za-z]+).*", "$1");
        OaiClient.Response page = oai.get(query);
        while (page.error().isEmpty()) {
            int n = page.count("//oai:header");
            for (int i = 1; i <= n; i++) {
                String h = "(//oai:header)[" + i + "]";
                out.add(page.text(h + "/oai:identifier") + " " + page.text(h + "/@status"));
            }
            if (page.token().isEmpty()) {
                break;
            }
            page = oai.get("verb=" + verb + "&resumptionToken=" + page.token());
        }
        return out;
    }

    /** Datestamps are whole seconds: a change in the next one is newer, not the same. */
    private static void nextSecond() {
        Instant now = Instant.now();
        Instant next = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusMillis(20);
        try {
            Thread.sleep(next.toEpochMilli() - now.toEpochMilli());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private long upload(String title, String visibility) {
        String librarian = account("oai-librarian", Role.LIBRARIAN, "HN-TVHN");
        String unique = title + " " + System.nanoTime();
        Http.Response r = Http.upload(url("/api/v1/resources"), Http.basic(librarian, PASSWORD),
                Map.of("bai.txt", (unique + " — nội dung.").getBytes(StandardCharsets.UTF_8)),
                "{\"title\":\"" + title + "\",\"visibility\":\"" + visibility + "\",\"licence\":\"CC-BY-4.0\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
