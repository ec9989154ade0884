package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;

/** An upload over real HTTP keeps its description by {@link MetadataRules}, as a harvest does. */
class UploadedMetadataTest extends IntegrationTest {

    private Http.Response upload(String metadataJson) {
        String librarian = Http.basic(account("librarian-metadata-rules", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        byte[] text = ("Bài đọc về nước sạch " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return Http.upload(url("/api/v1/resources"), librarian, Map.of("nuoc-sach.txt", text), metadataJson);
    }

    @Test
    void aLanguageWithSpacesAndALicenceInLowerCaseAreKeptInTheirOneSpelling() {
        Http.Response created = upload("{\"language\":\" vi-VN \",\"licence\":\"cc-by-nc-4.0\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode resource = created.json();
        assertThat(resource.get("language").asString()).isEqualTo("vi-vn");
        assertThat(resource.get("licence").asString()).isEqualTo("CC-BY-NC-4.0");
    }

    @Test
    void aLanguageLongerThanItsColumnIsABadRequestNotAServerError() {
        Http.Response refused = upload("{\"language\":\"vie-abcdefgh-abcdefgh\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("vie-abcdefgh-abcdefgh");
    }
}
