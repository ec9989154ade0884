package vn.hoclieu.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceChanges;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.oai.internal.OaiRecordKeeper;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Only published, public material is ever shown, and what was shown and then withdrawn, made
 * private or lost stays as a deleted record with the datestamp of that change, so that
 * harvesters remove it too.
 */
@Tag(TestGroups.POSTGRES)
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
        long library = resource("Tài liệu nội bộ thư viện").visibility("LIBRARY").to(url("")).id();
        long network = resource("Tài liệu trong mạng lưới").visibility("NETWORK").to(url("")).id();
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
        long id = resource("Bài sẽ bị rút lại").visibility("PUBLIC").to(url("")).id();
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
        long id = resource("Bài đổi phạm vi chia sẻ").visibility("PUBLIC").to(url("")).id();
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
        long id = resource("Bài đổi mà không có sự kiện").visibility("PUBLIC").to(url("")).id();
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
        long id = Uploads.resource("Ký\u0001 tự\u001b điều khiển").description("Mô\u0000 tả\ufffe và 😀")
                .visibility("PUBLIC").by(Http.basic(librarian, PASSWORD)).to(url("")).id();
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

    /** A CC BY resource uploaded by a librarian of HN-TVHN (published at once: no review). */
    private Uploads resource(String title) {
        return Uploads.resource(title).licence("CC-BY-4.0")
                .by(Http.basic(account("oai-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD));
    }
}
