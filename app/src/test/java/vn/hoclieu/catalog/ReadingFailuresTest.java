package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Damage;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * A file that cannot be read is explained to readers in their language ("Tệp PDF bị hỏng…"), while what the
 * parser met stays for the library's staff (and in the API's {@code reason}, which keeps its meaning).
 */
class ReadingFailuresTest extends IntegrationTest {

    @Test
    void aDamagedPdfIsExplainedToReadersAndItsDetailKeptForStaff() throws Exception {
        String librarianName = account("tt-tep-hong", Role.LIBRARIAN, "HN-TVHN");
        String librarian = Http.basic(librarianName, PASSWORD);
        String salt = UUID.randomUUID().toString();
        byte[] pdf = HostileCorpus.pdf("Bai doc " + salt);
        byte[] damaged = Damage.NOISE_AFTER_HEADER.apply(pdf);
        damaged = Arrays.copyOf(damaged, damaged.length + salt.length());
        System.arraycopy(salt.getBytes(StandardCharsets.US_ASCII), 0, damaged, damaged.length - salt.length(), salt.length());
        long id = Uploads.resource("Bài đọc hỏng " + salt).visibility("PUBLIC").file("bai-doc.pdf", damaged)
                .by(librarian).to(url("")).id();
        awaitIngestIdle();

        JsonNode extraction = Http.get(url("/api/v1/resources/" + id)).json().get("files").get(0).get("extraction");
        assertThat(extraction.get("status").asString()).isEqualTo("FAILED");
        String reason = extraction.get("reason").asString();
        assertThat(reason).as("the API keeps what was met").isNotBlank();
        assertThat(extraction.get("explanation").asString()).isEqualTo("Tệp PDF bị hỏng, không đọc được nội dung.");

        String page = new Browser(url("")).get("/resources/" + id).body();
        assertThat(page).contains("Tệp PDF bị hỏng, không đọc được nội dung.").doesNotContain("Chi tiết kỹ thuật");
        String english = new Browser(url("")).get("/resources/" + id + "?lang=en").body();
        assertThat(english).contains("The PDF file is damaged; its content cannot be read.");

        Browser staff = new Browser(url(""));
        staff.signIn(librarianName, PASSWORD);
        String staffPage = staff.get("/resources/" + id).body();
        assertThat(staffPage).contains("Tệp PDF bị hỏng, không đọc được nội dung.").contains("<details")
                .contains("Chi tiết kỹ thuật").contains(escaped(reason));
    }

    @Test
    void failuresAreExplainedByTheirCauseAndTheKindOfFile() {
        String damagedPdf = Reason.of("reason.damaged", "Missing root object specification in trailer.");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.FAILED, damagedPdf, "application/pdf"))
                .isEqualTo("failure.damaged.pdf");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.FAILED, Reason.of("reason.zip.entryLost", "word/document.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .isEqualTo("failure.damaged.office");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.FAILED, Reason.of("reason.zipBomb.ratio", 100, 100),
                "application/zip")).isEqualTo("failure.zipBomb");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.FAILED, Reason.of("reason.outOfMemory", "768m"),
                "application/pdf")).isEqualTo("failure.tooComplex");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.TIMED_OUT, Reason.of("reason.timedOut", 120),
                "video/mp4")).isEqualTo("failure.timedOut");
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.FAILED, "FAILED: an old reason stored as text",
                "application/epub+zip")).isEqualTo("failure.damaged.ebook");
        // already written for readers: nothing to add
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.ENCRYPTED, Reason.of("reason.encrypted"),
                "application/pdf")).isNull();
        assertThat(ReadingFailures.explanationCode(ExtractionStatus.OK, null, "application/pdf")).isNull();
    }

    /** The reason as Thymeleaf writes it into a page. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
