package vn.hoclieu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Bulk imports as a script makes them: a ZIP sent to {@code POST /api/v1/imports}, then followed to its end. */
public final class Imports {

    private Imports() {
    }

    /** Sends the ZIP to the instance at {@code baseUrl}, expects it accepted (202) and returns its final status. */
    public static JsonNode send(String baseUrl, String authorization, String name, byte[] zip) {
        Http.Response accepted = Http.upload(baseUrl + "/api/v1/imports", authorization, Map.of(name, zip), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await(baseUrl, accepted.json().get("id").asLong(), authorization);
    }

    /** Follows an import until it is stored (or refused) and every item is read; its final status. */
    public static JsonNode await(String baseUrl, long id, String authorization) {
        String url = baseUrl + "/api/v1/imports/" + id;
        IntegrationTest.await(() -> {
            JsonNode s = Http.get(url, "Authorization", authorization).json();
            return !s.get("status").asString().equals("RECEIVED") && s.get("pending").asInt() == 0;
        }, Duration.ofSeconds(90), "import " + id + " did not finish");
        return Http.get(url, "Authorization", authorization).json();
    }

    /** The item of an import's status that carries this name. */
    public static JsonNode item(JsonNode status, String file) {
        for (JsonNode item : status.get("items")) {
            if (item.get("file").asString().equals(file)) {
                return item;
            }
        }
        throw new AssertionError("no item " + file + " in " + status);
    }
}
