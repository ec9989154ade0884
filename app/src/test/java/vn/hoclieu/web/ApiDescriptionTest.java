package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;

/** The REST API describes itself in OpenAPI, generated from the controllers, and the description is browsable. */
class ApiDescriptionTest extends IntegrationTest {

    @Test
    void theOpenApiDescriptionListsThePublicContractAndNoPages() {
        Http.Response docs = Http.get(url("/v3/api-docs"));
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.get("info").get("title").asString()).isEqualTo("Hoclieu REST API");
        JsonNode paths = api.get("paths");
        assertThat(paths.has("/api/v1/search")).isTrue();
        assertThat(paths.get("/api/v1/resources").has("post")).isTrue();
        assertThat(paths.has("/api/v1/resources/{id}/files/{fileId}/content")).isTrue();
        List<String> parameters = new ArrayList<>();
        paths.get("/api/v1/search").get("get").get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("q", "page", "size", "sort", "language", "library");
        List<String> all = new ArrayList<>();
        paths.propertyNames().forEach(all::add);
        assertThat(all).as("pages are not part of the API").allMatch(p -> p.startsWith("/api/"));
        assertThat(api.get("components").get("securitySchemes").has("token")).isTrue();
    }

    @Test
    void swaggerUiIsServedFromTheApplicationItself() {
        Http.Response page = Http.get(url("/swagger-ui/index.html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        assertThat(Http.get(url("/swagger-ui/swagger-initializer.js")).body()).contains("/v3/api-docs");
    }
}
