package vn.hoclieu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data for {@code POST /api/v1/resources}, described the way a librarian fills the form:
 *
 * <pre>{@code
 * long id = Uploads.resource("Tiết kiệm nước").visibility("LIBRARY").licence("CC-BY-4.0")
 *         .text("Bài đọc về nước sạch").by(librarian).to(url("")).id();
 * }</pre>
 *
 * <p>The metadata part is written by Jackson, so quotes, backslashes, markup and Vietnamese text arrive
 * exactly as given. Without a file, one small text file is made up; its content is unique, so that it is
 * never refused as a duplicate of another test's upload.
 */
public final class Uploads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode metadata = JSON.createObjectNode();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private String authorization;

    private Uploads() {
    }

    /** A resource with this title. */
    public static Uploads resource(String title) {
        Uploads upload = new Uploads();
        upload.metadata.put("title", title);
        return upload;
    }

    /** A resource whose metadata has no title (its file's name stands for one). */
    public static Uploads resource() {
        return new Uploads();
    }

    public Uploads description(String description) {
        metadata.put("description", description);
        return this;
    }

    public Uploads language(String language) {
        metadata.put("language", language);
        return this;
    }

    /** {@code PUBLIC}, {@code NETWORK} or {@code LIBRARY}. */
    public Uploads visibility(String visibility) {
        metadata.put("visibility", visibility);
        return this;
    }

    /** An SPDX-style id such as {@code CC-BY-4.0}. */
    public Uploads licence(String licence) {
        metadata.put("licence", licence);
        return this;
    }

    /** The code of the library the resource belongs to. */
    public Uploads library(String code) {
        metadata.put("library", code);
        return this;
    }

    /** When the work was issued: {@code 2025-10-01}, {@code 2024-09} or {@code 2024}. */
    public Uploads date(String date) {
        metadata.put("date", date);
        return this;
    }

    public Uploads materialType(String materialType) {
        metadata.put("materialType", materialType);
        return this;
    }

    public Uploads subjects(String... subjects) {
        return list("subjects", subjects);
    }

    /** Grade levels ("Lớp 6"). */
    public Uploads audience(String... audience) {
        return list("audience", audience);
    }

    public Uploads creators(String... creators) {
        return list("creators", creators);
    }

    /** One text file with this content, under a made-up name. */
    public Uploads text(String text) {
        return file(UUID.randomUUID() + ".txt", text);
    }

    /** A file with this name and text (UTF-8); files are sent in the order given. */
    public Uploads file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public Uploads file(String name, byte[] bytes) {
        files.put(name, bytes);
        return this;
    }

    /** The {@code Authorization} header ({@link Http#basic}, {@link Http#bearer}); none: anonymous. */
    public Uploads by(String authorization) {
        this.authorization = authorization;
        return this;
    }

    /** Sends it to the instance at {@code baseUrl} ({@code http://host:port}) and returns its answer, whatever it is. */
    public Http.Response send(String baseUrl) {
        Map<String, byte[]> sent = files;
        if (sent.isEmpty()) {
            // not the title: a test that changes the title expects the old one to be found no more
            sent = Map.of(UUID.randomUUID() + ".txt", ("Nội dung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        }
        // nothing described, no metadata part: what a script that sends only files does
        String json = metadata.isEmpty() ? null : JSON.writeValueAsString(metadata);
        return Http.upload(baseUrl + "/api/v1/resources", authorization, sent, json);
    }

    /** Sends it, expects it created (201; the answer's body is the failure message) and returns what was created. */
    public Created to(String baseUrl) {
        Http.Response r = send(baseUrl);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Created(r.json());
    }

    /** The resource JSON of {@code GET /api/v1/resources/{id}}, as the upload answered it. */
    public record Created(JsonNode json) {

        public long id() {
            return json.get("id").asLong();
        }

        /** The id of its first file. */
        public long fileId() {
            return json.get("files").get(0).get("id").asLong();
        }
    }

    private Uploads list(String field, String... values) {
        ArrayNode array = metadata.putArray(field);
        for (String v : values) {
            array.add(v);
        }
        return this;
    }
}
