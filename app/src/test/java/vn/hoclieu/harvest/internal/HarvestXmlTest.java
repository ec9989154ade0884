package vn.hoclieu.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.catalog.HarvestedRecord;

/** What a partner sends is read safely: hostile, huge and malformed responses are refused with a reason. */
class HarvestXmlTest {

    private static final String RECORDS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
              <responseDate>2026-12-01T10:00:05Z</responseDate>
              <request verb="ListRecords">http://partner.example.vn/oai</request>
              <ListRecords>
                <record>
                  <header><identifier>oai:partner.example.vn:7</identifier><datestamp>2026-11-30T08:00:00Z</datestamp>
                    <setSpec>library:HN-TVCG</setSpec></header>
                  <metadata>
                    <oai_qdc:qualifieddc xmlns:oai_qdc="http://worldcat.org/xmlschemas/qdc-1.0/"
                        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
                      <dc:title>Hàm số bậc nhất</dc:title>
                      <dc:creator>Tổ Toán</dc:creator>
                      <dc:subject>Toán học</dc:subject><dc:subject>Đại số</dc:subject>
                      <dc:description><![CDATA[Phiếu ôn tập & bài tập]]></dc:description>
                      <dcterms:issued>2025-10-01</dcterms:issued>
                      <dc:type>Text</dc:type><dc:type>worksheet</dc:type>
                      <dc:format>application/pdf</dc:format>
                      <dc:identifier>http://partner.example.vn/resources/7</dc:identifier>
                      <dc:language>vi</dc:language>
                      <dcterms:license>https://creativecommons.org/licenses/by-nc-sa/4.0/</dcterms:license>
                      <dcterms:educationLevel>Lớp 10</dcterms:educationLevel>
                      <dcterms:audience>Người học suốt đời</dcterms:audience>
                      <dcterms:hasPart>http://partner.example.vn/api/v1/resources/7/files/9/content</dcterms:hasPart>
                      <dcterms:hasPart>javascript:alert(1)</dcterms:hasPart>
                    </oai_qdc:qualifieddc>
                  </metadata>
                </record>
                <record><header status="deleted"><identifier>oai:partner.example.vn:8</identifier>
                  <datestamp>2026-11-30T09:00:00Z</datestamp></header></record>
                <resumptionToken cursor="0" completeListSize="12">abc|5</resumptionToken>
              </ListRecords>
            </OAI-PMH>
            """;

    @Test
    void readsRecordsDeletionsAndTheResumptionToken() throws Exception {
        OaiResponse r = OaiResponses.parse(RECORDS.strip().getBytes(StandardCharsets.UTF_8));
        assertThat(r.responseDate()).isEqualTo(Instant.parse("2026-12-01T10:00:05Z"));
        assertThat(r.resumptionToken()).isEqualTo("abc|5");
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(1).deleted()).isTrue();
        assertThat(r.records().get(1).identifier()).isEqualTo("oai:partner.example.vn:8");

        HarvestedRecord h = RecordMapping.toCatalog(r.records().get(0), 3, "Cầu Giấy", null);
        assertThat(h.title()).isEqualTo("Hàm số bậc nhất");
        assertThat(h.subjects()).containsExactly("Toán học", "Đại số");
        assertThat(h.description()).isEqualTo("Phiếu ôn tập & bài tập");
        assertThat(h.materialType()).isEqualTo("WORKSHEET");
        assertThat(h.licence()).isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(h.audience()).containsExactly("Lớp 10", "Người học suốt đời");
        assertThat(h.date()).isEqualTo("2025-10-01");
        assertThat(h.sourceUrl()).isEqualTo("http://partner.example.vn/resources/7");
        assertThat(h.datestamp()).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(h.files()).extracting(HarvestedRecord.RemoteFile::url)
                .containsExactly("http://partner.example.vn/api/v1/resources/7/files/9/content");
        assertThat(h.files().get(0).name()).isEqualTo("Hàm số bậc nhất.pdf");
    }

    @Test
    void readsIdentifyAndTheOfferedFormats() throws Exception {
        OaiResponse identify = OaiResponses.parse(("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-01T10:00:00Z</responseDate>
                <request verb="Identify">http://p/oai</request><Identify><repositoryName>P</repositoryName>
                <baseURL>http://p/oai</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>a@p.vn</adminEmail>
                <earliestDatestamp>2026-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>
                <granularity>YYYY-MM-DDThh:mm:ssZ</granularity><description>
                <oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier"><scheme>oai</scheme>
                <repositoryIdentifier>p.example.vn</repositoryIdentifier></oai-identifier></description></Identify></OAI-PMH>
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(identify.identify().protocolVersion()).isEqualTo("2.0");
        assertThat(identify.identify().repositoryIdentifier()).isEqualTo("p.example.vn");
        assertThat(identify.identify().granularity()).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        OaiResponse formats = OaiResponses.parse(("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-01T10:00:00Z</responseDate>
                <ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix></metadataFormat>
                <metadataFormat><metadataPrefix>oai_qdc</metadataPrefix></metadataFormat></ListMetadataFormats></OAI-PMH>
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(formats.metadataPrefixes()).containsExactly("oai_dc", "oai_qdc");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "mat-khau-bi-mat");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&x;</responseDate></OAI-PMH>";
        assertThatThrownBy(() -> OaiResponses.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("harvest.error.dtd");
                    assertThat(f.getMessage()).doesNotContain("mat-khau-bi-mat");
                });
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&lol9;</responseDate></OAI-PMH>");
        assertThatThrownBy(() -> OaiResponses.parse(bomb.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> assertThat(f.code()).isEqualTo("harvest.error.dtd"));
    }

    @Test
    void anUndeclaredEntityIsMalformedNotExpanded() {
        String xml = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&x;</responseDate></OAI-PMH>";
        assertThatThrownBy(() -> OaiResponses.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> assertThat(f.code()).isEqualTo("harvest.error.badXml"));
    }

    @Test
    void malformedOrForeignDocumentsAreFailuresWithAReason() {
        assertThatThrownBy(() -> OaiResponses.parse("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> assertThat(f.code()).isEqualTo("harvest.error.badXml"));
        assertThatThrownBy(() -> OaiResponses.parse("<html><body>Xin chào</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> assertThat(f.code()).isEqualTo("harvest.error.notOai"));
        assertThatThrownBy(() -> OaiResponses.parse("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(HarvestFailure.class);
        assertThatThrownBy(() -> OaiResponses.parse(new byte[0])).isInstanceOf(HarvestFailure.class);
        String noIdentifier = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-12-01T10:00:00Z"
                + "</responseDate><ListRecords><record><header><datestamp>2026-01-01</datestamp></header></record>"
                + "</ListRecords></OAI-PMH>";
        assertThatThrownBy(() -> OaiResponses.parse(noIdentifier.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HarvestFailure.class, f -> assertThat(f.code()).isEqualTo("harvest.error.badRecord"));
    }

    @Test
    void hugeValuesAreCutAndHugeBodiesStopped() throws Exception {
        String big = "a".repeat(OaiResponses.MAX_VALUE_CHARS * 3);
        String xml = RECORDS.strip().replace("Hàm số bậc nhất", big);
        OaiResponse r = OaiResponses.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records().get(0).first("dc:title")).hasSize(OaiResponses.MAX_VALUE_CHARS);

        byte[] body = new byte[2_000_000];
        try (var in = new BoundedInput(new ByteArrayInputStream(body), 1_000_000, Duration.ofMinutes(1))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BoundedInput.LimitExceeded.class);
        }
    }
}
