package vn.hoclieu.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryType;

/**
 * The protocol's rules, checked against the real application with the sample library over real
 * HTTP: each verb, every error the specification defines for it, datestamps and the two
 * granularities, resumption through a long list, and sets. Every response is validated against
 * the OAI-PMH schema by {@link OaiClient}.
 */
@Tag(TestGroups.POSTGRES)
class OaiProtocolTest extends IntegrationTest {

    private static final String REPOSITORY = "oai:hoclieu.local:";
    private static final String SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Autowired
    CatalogReads catalog;

    @Autowired
    CatalogFeeds feeds;

    @Autowired
    LibraryService libraries;

    private OaiClient oai;

    @BeforeEach
    void harvester() {
        awaitIngestIdle();
        oai = new OaiClient(url("/oai"));
    }

    @Test
    void identifyDescribesTheRepository() {
        OaiClient.Response r = oai.get("verb=Identify");

        assertThat(r.error()).isEmpty();
        assertThat(r.text("/oai:OAI-PMH/oai:responseDate")).matches(SECONDS);
        assertThat(r.text("/oai:OAI-PMH/oai:request/@verb")).isEqualTo("Identify");
        assertThat(r.text("/oai:OAI-PMH/oai:request")).isEqualTo(url("/oai"));
        assertThat(r.text("//oai:Identify/oai:repositoryName")).isEqualTo("Hoclieu");
        assertThat(r.text("//oai:Identify/oai:baseURL")).isEqualTo(url("/oai"));
        assertThat(r.text("//oai:Identify/oai:protocolVersion")).isEqualTo("2.0");
        assertThat(r.text("//oai:Identify/oai:adminEmail")).isEqualTo("admin@hoclieu.local");
        assertThat(r.text("//oai:Identify/oai:deletedRecord")).isEqualTo("persistent");
        assertThat(r.text("//oai:Identify/oai:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        String earliest = r.text("//oai:Identify/oai:earliestDatestamp");
        assertThat(earliest).matches(SECONDS);
        assertThat(Instant.parse(earliest)).isBeforeOrEqualTo(Instant.parse(r.text("//oai:responseDate")));
        assertThat(r.text("//id:oai-identifier/id:repositoryIdentifier")).isEqualTo("hoclieu.local");
        assertThat(r.text("//id:oai-identifier/id:sampleIdentifier")).startsWith(REPOSITORY);
        // no datestamp of any record is earlier than the earliest one Identify promises
        for (String d : walk("verb=ListIdentifiers&metadataPrefix=oai_dc", "//oai:header/oai:datestamp")) {
            assertThat(Instant.parse(d)).isAfterOrEqualTo(Instant.parse(earliest));
        }
    }

    @Test
    void postedFormsAreAnsweredLikeGets() {
        OaiClient.Response identify = oai.post("verb", "Identify");
        assertThat(identify.text("//oai:Identify/oai:repositoryName")).isEqualTo("Hoclieu");

        OaiClient.Response list = oai.post("verb", "ListIdentifiers", "metadataPrefix", "oai_dc");
        assertThat(list.error()).isEmpty();
        assertThat(list.count("//oai:header")).isPositive();
        String next = oai.post("verb", "ListIdentifiers", "resumptionToken", list.token())
                .text("//oai:header[1]/oai:identifier");
        assertThat(list.texts("//oai:header/oai:identifier")).doesNotContain(next);

        assertThat(oai.post("verb", "Identify", "verb", "Identify").error()).isEqualTo("badVerb");
    }

    @Test
    void badVerbAndBadArgumentEchoNoArguments() {
        for (String query : List.of("", "verb=", "verb=Harvest", "verb=identify", "verb=Identify&verb=ListSets",
                "metadataPrefix=oai_dc")) {
            OaiClient.Response r = oai.get(query);
            assertThat(r.error()).as(query).isEqualTo("badVerb");
            assertThat(r.echoedArguments()).as(query).isZero();
            assertThat(r.text("/oai:OAI-PMH/oai:request")).isEqualTo(url("/oai"));
        }
        for (String query : List.of(
                "verb=Identify&set=library",                                        // an argument Identify does not take
                "verb=Identify&lang=en",
                "verb=ListMetadataFormats&metadataPrefix=oai_dc",
                "verb=ListMetadataFormats&identifier=a&identifier=b",              // repeated
                "verb=ListSets&set=library",
                "verb=GetRecord&metadataPrefix=oai_dc",                            // identifier missing
                "verb=GetRecord&identifier=" + REPOSITORY + "1",                   // metadataPrefix missing
                "verb=GetRecord&identifier=" + REPOSITORY + "1&metadataPrefix=oai_dc&from=2020-01-01",
                "verb=ListIdentifiers",                                            // metadataPrefix missing
                "verb=ListRecords&from=2020-01-01",
                "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_qdc",
                "verb=ListRecords&metadataPrefix=oai_dc&set=",                    // empty
                "verb=ListRecords&metadataPrefix=oai_dc&set=no%20spaces",          // not a setSpec
                "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc",      // the token is exclusive
                "verb=ListIdentifiers&resumptionToken=abc&until=2030-01-01",
                "verb=ListRecords&metadataPrefix=oai_dc&identifier=" + REPOSITORY + "1")) {
            OaiClient.Response r = oai.get(query);
            assertThat(r.error()).as(query).isEqualTo("badArgument");
            assertThat(r.echoedArguments()).as(query).isZero();
        }
    }

    @Test
    void everyVerbAnswersItsOwnErrorsAndEchoesTheArguments() {
        long id = aPublicResource();
        String unknown = "identifier=" + REPOSITORY + "999999999";
        String otherRepository = "identifier=oai:elsewhere.example.org:" + id;

        assertError("verb=GetRecord&" + unknown + "&metadataPrefix=oai_dc", "idDoesNotExist", 3);
        assertError("verb=GetRecord&" + otherRepository + "&metadataPrefix=oai_dc", "idDoesNotExist", 3);
        assertError("verb=GetRecord&identifier=not-an-identifier&metadataPrefix=oai_dc", "idDoesNotExist", 3);
        assertError("verb=GetRecord&identifier=" + REPOSITORY + id + "&metadataPrefix=marc21", "cannotDisseminateFormat", 3);
        assertError("verb=ListMetadataFormats&" + unknown, "idDoesNotExist", 2);
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            assertError("verb=" + verb + "&metadataPrefix=marc21", "cannotDisseminateFormat", 2);
            assertError("verb=" + verb + "&resumptionToken=not-a-token", "badResumptionToken", 2);
            assertError("verb=" + verb + "&metadataPrefix=oai_dc&set=library:NO-SUCH-LIBRARY", "noRecordsMatch", 3);
            assertError("verb=" + verb + "&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch", 3);
            assertError("verb=" + verb + "&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z", "noRecordsMatch", 3);
        }
        assertError("verb=ListSets&resumptionToken=anything", "badResumptionToken", 2);

        // a token that was cut, altered, or belongs to the other list verb
        String token = oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc").token();
        assertThat(token).isNotBlank();
        assertError("verb=ListIdentifiers&resumptionToken=" + token.substring(0, token.length() - 3), "badResumptionToken", 2);
        char last = token.charAt(token.length() - 1);
        assertError("verb=ListIdentifiers&resumptionToken=" + token.substring(0, token.length() - 1)
                + (last == 'A' ? 'B' : 'A'), "badResumptionToken", 2);
        char first = token.charAt(0);
        assertError("verb=ListIdentifiers&resumptionToken=" + (first == 'A' ? 'B' : 'A') + token.substring(1),
                "badResumptionToken", 2);
        assertError("verb=ListRecords&resumptionToken=" + token, "badResumptionToken", 2);
        assertThat(oai.get("verb=ListIdentifiers&resumptionToken=" + token).error()).isEmpty();
    }

    @Test
    void fromAndUntilAreCheckedAndInclusive() {
        for (String bad : List.of("from=2025-13-01", "from=2025-02-30", "until=2025-1-1", "from=2025-01-01T00:00:00",
                "from=2025-01-01T00:00:00.5Z", "from=2025-01-01T00:00:00%2B07:00", "until=yesterday",
                "from=2025-01-01&until=2025-12-31T00:00:00Z",                     // mixed granularities
                "from=2025-10-02&until=2025-10-01",                               // from after until
                "from=2025-10-01T00:00:01Z&until=2025-10-01T00:00:00Z")) {
            OaiClient.Response r = oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&" + bad);
            assertThat(r.error()).as(bad).isEqualTo("badArgument");
        }

        long id = aPublicResource();
        OaiClient.Response record = oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + REPOSITORY + id);
        String datestamp = record.text("//oai:header/oai:datestamp");
        assertThat(datestamp).matches(SECONDS);
        Instant d = Instant.parse(datestamp);
        String day = datestamp.substring(0, 10);
        String identifier = REPOSITORY + id;

        assertThat(identifiers("from=" + datestamp + "&until=" + datestamp)).contains(identifier);
        assertThat(identifiers("from=" + day + "&until=" + day)).contains(identifier);
        assertThat(identifiers("from=" + day)).contains(identifier);
        assertThat(identifiers("until=" + datestamp)).contains(identifier);
        assertThat(identifiers("from=" + d.plusSeconds(1))).doesNotContain(identifier);
        assertThat(identifiers("until=" + d.minusSeconds(1))).doesNotContain(identifier);
        assertThat(identifiers("until=" + d.minus(1, ChronoUnit.DAYS).toString().substring(0, 10)))
                .doesNotContain(identifier);
        for (String header : walk("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + datestamp,
                "//oai:header/oai:datestamp")) {
            assertThat(Instant.parse(header)).isAfterOrEqualTo(d);
        }
    }

    @Test
    void recordsChangedAfterAGivenTimeAreSelected() {
        Instant before = Instant.parse(oai.get("verb=Identify").text("//oai:responseDate"));
        List<String> earlier = identifiers("from=" + before);
        String librarian = Http.basic(account("oai-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        long id = Uploads.resource("OAI later " + System.nanoTime()).visibility("PUBLIC").licence("CC-BY-4.0")
                .by(librarian).to(url("")).id();
        awaitIngestIdle();

        List<String> changed = identifiers("from=" + before);
        assertThat(changed).contains(REPOSITORY + id);
        assertThat(changed).containsAll(earlier);
        assertThat(identifiers("until=" + before.minusSeconds(1))).doesNotContain(REPOSITORY + id);
    }

    @Test
    void resumptionTokensWalkTheWholeListExactlyOnce() {
        Set<String> expected = new HashSet<>();
        for (long id : feeds.allResourceIds()) {
            // harvested records are their partner's to expose, not ours
            if (catalog.find(id, Viewer.ANONYMOUS).filter(r -> r.source() == null).isPresent()) {
                expected.add(REPOSITORY + id);
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(17);

        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            List<String> seen = new ArrayList<>();
            OaiClient.Response page = oai.get("verb=" + verb + "&metadataPrefix=oai_qdc");
            assertThat(page.text("//oai:resumptionToken/@cursor")).isEqualTo("0");
            long completeListSize = Long.parseLong(page.text("//oai:resumptionToken/@completeListSize"));
            int pages = 0;
            while (true) {
                pages++;
                assertThat(page.error()).isEmpty();
                assertThat(Long.parseLong(page.text("//oai:resumptionToken/@cursor"))).isEqualTo(seen.size());
                List<String> ids = page.texts("//oai:header/oai:identifier");
                assertThat(ids).hasSizeBetween(1, 4);
                seen.addAll(ids);
                if (verb.equals("ListRecords")) {
                    assertThat(page.count("//oai:record[not(oai:header/@status)]/oai:metadata/oai_qdc:qualifieddc"))
                            .isEqualTo(page.count("//oai:record[not(oai:header/@status)]"));
                }
                String token = page.token();
                if (token.isEmpty()) {
                    assertThat(page.text("//oai:resumptionToken/@expirationDate")).isEmpty();
                    break;
                }
                assertThat(ids).hasSize(4);
                assertThat(Instant.parse(page.text("//oai:resumptionToken/@expirationDate"))).isAfter(Instant.now());
                page = oai.get("verb=" + verb + "&resumptionToken=" + token);
                assertThat(page.text("/oai:OAI-PMH/oai:request/@resumptionToken")).isEqualTo(token);
                assertThat(page.echoedArguments()).isEqualTo(2);
            }
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen).hasSize((int) completeListSize);
            assertThat(pages).isGreaterThanOrEqualTo(5);
            assertThat(seen).containsAll(expected);
        }
    }

    @Test
    void setsAreLibrariesAndMaterialTypes() {
        libraries.register("OAI-EMPTY", "Thư viện chưa có tài liệu", LibraryType.SCHOOL, null, null);
        OaiClient.Response sets = oai.get("verb=ListSets");
        assertThat(sets.texts("//oai:set/oai:setSpec")).contains("library", "library:HN-TVHN", "library:HN-THPT-BDM",
                "library:OAI-EMPTY", "type", "type:BOOK", "type:E_LECTURE", "type:VIDEO");
        assertThat(sets.text("//oai:set[oai:setSpec='library:HN-TVHN']/oai:setName"))
                .isEqualTo("Thư viện Công cộng Hà Nội Mở (mẫu)");
        assertThat(sets.text("//oai:set[oai:setSpec='type:BOOK']/oai:setName")).isEqualTo("Sách");
        assertThat(sets.count("//oai:resumptionToken")).isZero();

        List<String> library = walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:HN-TVHN",
                "//oai:header/oai:identifier");
        assertThat(library).hasSizeGreaterThanOrEqualTo(5);   // five samples belong to HN-TVHN
        assertThat(walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:HN-TVHN",
                "//oai:header[not(oai:setSpec='library:HN-TVHN')]")).isEmpty();
        assertThat(walk("verb=ListRecords&metadataPrefix=oai_dc&set=type:E_LECTURE", "//oai:header"
                + "[not(oai:setSpec='type:E_LECTURE')]")).isEmpty();
        // a parent set holds its children's records, and E_LECTURE's underscore is no wildcard
        List<String> all = walk("verb=ListIdentifiers&metadataPrefix=oai_dc", "//oai:header/oai:identifier");
        assertThat(walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library", "//oai:header/oai:identifier"))
                .containsAll(library).hasSizeLessThanOrEqualTo(all.size());
        assertThat(walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type", "//oai:header/oai:identifier"))
                .containsExactlyInAnyOrderElementsOf(all);
        assertError("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:E%25LECTURE", "badArgument", 0);
        assertError("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:EXLECTURE", "noRecordsMatch", 3);
        assertError("verb=ListRecords&metadataPrefix=oai_dc&set=library:OAI-EMPTY", "noRecordsMatch", 3);
        assertError("verb=ListIdentifiers&metadataPrefix=oai_dc&set=librar", "noRecordsMatch", 3);
    }

    @Test
    void metadataFormatsAreListedForTheRepositoryAndForEachRecord() {
        for (String query : List.of("verb=ListMetadataFormats",
                "verb=ListMetadataFormats&identifier=" + REPOSITORY + aPublicResource())) {
            OaiClient.Response r = oai.get(query);
            assertThat(r.texts("//oai:metadataFormat/oai:metadataPrefix")).containsExactly("oai_dc", "oai_qdc");
            assertThat(r.text("//oai:metadataFormat[oai:metadataPrefix='oai_dc']/oai:schema"))
                    .isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
            assertThat(r.text("//oai:metadataFormat[oai:metadataPrefix='oai_dc']/oai:metadataNamespace"))
                    .isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");
            assertThat(r.text("//oai:metadataFormat[oai:metadataPrefix='oai_qdc']/oai:schema"))
                    .isEqualTo("http://worldcat.org/xmlschemas/qdc/1.0/qdc-1.0.xsd");
            assertThat(r.text("//oai:metadataFormat[oai:metadataPrefix='oai_qdc']/oai:metadataNamespace"))
                    .isEqualTo("http://worldcat.org/xmlschemas/qdc-1.0/");
        }
    }

    @Test
    void getRecordDescribesASampleInDublinCoreAndQualifiedDublinCore() {
        long id = sample("Học tập suốt đời là chìa khóa mở cửa tương lai");
        String identifier = REPOSITORY + id;
        OaiClient.Response dc = oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + identifier);
        assertThat(dc.text("/oai:OAI-PMH/oai:request/@identifier")).isEqualTo(identifier);
        assertThat(dc.text("/oai:OAI-PMH/oai:request/@metadataPrefix")).isEqualTo("oai_dc");
        assertThat(dc.text("//oai:header/oai:identifier")).isEqualTo(identifier);
        assertThat(dc.texts("//oai:header/oai:setSpec")).containsExactly("library:HN-TVHN", "type:BOOK");
        String meta = "//oai:metadata/oai_dc:dc/";
        assertThat(dc.text(meta + "dc:title")).isEqualTo("Học tập suốt đời là chìa khóa mở cửa tương lai");
        assertThat(dc.texts(meta + "dc:creator")).containsExactly("Nhóm biên soạn Hoclieu");
        assertThat(dc.texts(meta + "dc:subject")).containsExactly("Học tập suốt đời", "Kĩ năng sống", "Tự học");
        assertThat(dc.text(meta + "dc:description")).startsWith("Bài đọc hai trang");
        assertThat(dc.text(meta + "dc:publisher")).isEqualTo("Dự án Hoclieu");
        assertThat(dc.text(meta + "dc:date")).isEqualTo("2025-10-01");
        assertThat(dc.texts(meta + "dc:type")).containsExactly("Text", "book");
        assertThat(dc.texts(meta + "dc:format")).containsExactly("application/pdf");
        assertThat(dc.text(meta + "dc:identifier")).isEqualTo(url("/resources/" + id));
        assertThat(dc.text(meta + "dc:language")).isEqualTo("vi");
        assertThat(dc.texts(meta + "dc:rights")).containsExactly("https://creativecommons.org/licenses/by/4.0/",
                "CC-BY-4.0");
        assertThat(Http.get(dc.text(meta + "dc:identifier")).status()).isEqualTo(200);

        OaiClient.Response qdc = oai.get("verb=GetRecord&metadataPrefix=oai_qdc&identifier=" + identifier);
        String q = "//oai:metadata/oai_qdc:qualifieddc/";
        assertThat(qdc.text("//oai:metadata/oai_qdc:qualifieddc/@xsi:schemaLocation"))
                .startsWith("http://worldcat.org/xmlschemas/qdc-1.0/ http://worldcat.org/xmlschemas/qdc/1.0/qdc-1.0.xsd");
        assertThat(qdc.text(q + "dc:title")).isEqualTo("Học tập suốt đời là chìa khóa mở cửa tương lai");
        assertThat(qdc.text(q + "dcterms:license")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(qdc.text(q + "dcterms:license/@xsi:type")).isEqualTo("dcterms:URI");
        assertThat(qdc.texts(q + "dcterms:educationLevel")).containsExactly("Lớp 10", "Lớp 11", "Lớp 12");
        assertThat(qdc.texts(q + "dcterms:audience")).containsExactly("Người học suốt đời");
        assertThat(qdc.text(q + "dcterms:isPartOf")).isEqualTo("Thư viện Công cộng Hà Nội Mở (mẫu)");
        assertThat(qdc.text(q + "dc:type[@xsi:type='dcterms:DCMIType']")).isEqualTo("Text");
        assertThat(qdc.text(q + "dc:type[not(@xsi:type)]")).isEqualTo("book");
        assertThat(qdc.text(q + "dcterms:issued")).isEqualTo("2025-10-01");
        assertThat(qdc.text(q + "dc:identifier[@xsi:type='dcterms:URI']")).isEqualTo(url("/resources/" + id));
        List<String> files = qdc.texts(q + "dcterms:hasPart");
        assertThat(files).hasSize(1);
        Http.Response file = Http.get(files.get(0));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("application/pdf");

        // a video with its subtitles: a moving image with two parts
        long video = sample("Ba bước kiểm tra thông tin trên mạng");
        OaiClient.Response v = oai.get("verb=GetRecord&metadataPrefix=oai_qdc&identifier=" + REPOSITORY + video);
        assertThat(v.text(q + "dc:type[@xsi:type='dcterms:DCMIType']")).isEqualTo("MovingImage");
        assertThat(v.texts(q + "dcterms:hasPart")).hasSize(2);
        assertThat(v.texts(q + "dc:format")).contains("video/mp4");
    }

    private void assertError(String query, String code, int echoed) {
        OaiClient.Response r = oai.get(query);
        assertThat(r.error()).as(query).isEqualTo(code);
        assertThat(r.echoedArguments()).as(query + " echoes its arguments").isEqualTo(echoed);
        assertThat(r.text("/oai:OAI-PMH/oai:error")).as("a message for people").isNotBlank();
    }

    /** Identifiers of ListIdentifiers in oai_dc with these extra arguments, every page; none if nothing matches. */
    private List<String> identifiers(String arguments) {
        return walk("verb=ListIdentifiers&metadataPrefix=oai_dc&" + arguments, "//oai:header/oai:identifier");
    }

    /** Follows the resumption tokens to the end of the list, collecting {@code xpath} from every page. */
    private List<String> walk(String query, String xpath) {
        List<String> out = new ArrayList<>();
        String verb = query.replaceAll(".*verb=([A-Za-z]+).*", "$1");
        OaiClient.Response page = oai.get(query);
        if (page.error().equals("noRecordsMatch")) {
            return out;
        }
        while (true) {
            assertThat(page.error()).as(query).isEmpty();
            out.addAll(page.texts(xpath));
            if (page.token().isEmpty()) {
                return out;
            }
            page = oai.get("verb=" + verb + "&resumptionToken=" + page.token());
        }
    }

    private long aPublicResource() {
        return sample("Hàm số bậc nhất – Phiếu ôn tập Toán lớp 10");
    }

    private long sample(String title) {
        JsonNode hits = Http.get(url("/api/v1/search?q=" + Http.q("\"" + title + "\"") + "&size=5")).json().get("hits");
        for (JsonNode hit : hits) {
            if (hit.get("title").asString().equals(title)) {
                return hit.get("id").asLong();
            }
        }
        throw new AssertionError("no sample titled " + title);
    }
}
