package vn.hoclieu.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Imports;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Zips;
import vn.hoclieu.catalog.CatalogFeeds;

/**
 * An exchange package is a ZIP from another machine: its manifest is untrusted input. A hostile or broken
 * resource is refused on its own with a reason that names it, and the others are imported; a manifest that
 * cannot be trusted as a whole refuses the package before anything is stored.
 */
class ExchangeHostileManifestTest extends IntegrationTest {

    private final String admin = Http.basic("admin", PASSWORD);

    @Autowired
    CatalogFeeds catalog;

    @Test
    void hostileResourcesAreRefusedOneByOneAndTheOthersImported() throws Exception {
        byte[] good = ("Bài học tốt " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] other = ("Một tệp khác " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        List<Map<String, Object>> resources = List.of(
                item("Bài học tốt", file("bai-hoc.txt", good.length, sha(good))),
                item("Leo ra ngoài", file("../../etc/passwd", other.length, sha(other))),
                item("Địa chỉ giả", file("dia-chi.txt", 10, "../../manifest.json")),
                item("Cỡ phi lý", file("co-phi-ly.txt", 9_000_000_000_000_000_000L, sha(other))),
                item("Cỡ âm", file("co-am.txt", -1, sha(other))),
                item("Không có tệp"),
                item("Dài ".repeat(500), file("tieu-de-dai.txt", other.length, sha(other))),
                item("Vắng mặt", file("vang-mat.txt", 5, "0".repeat(64))));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest(resources).getBytes(StandardCharsets.UTF_8));
        entries.put("files/" + sha(good), good);
        entries.put("files/" + sha(other), other);
        entries.put("files/../../ngoai.txt", other);
        long before = catalog.resourceCount();

        JsonNode status = Imports.send(url(""), admin, "doc-hai.zip", Zips.of(entries));

        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("STORED");
        assertThat(status.get("total").asInt()).isEqualTo(8);
        assertThat(Imports.item(status, "bai-hoc.txt").get("outcome").asString()).isEqualTo("IMPORTED");
        assertFailed(status, "../../etc/passwd", "Tên tệp “../../etc/passwd” trong manifest.json không hợp lệ");
        assertFailed(status, "dia-chi.txt", "Mã SHA-256 của tệp “dia-chi.txt”");
        assertFailed(status, "co-phi-ly.txt", "Kích thước khai báo của tệp “co-phi-ly.txt” (9000000000000000000 byte)");
        assertFailed(status, "co-am.txt", "Kích thước khai báo của tệp “co-am.txt” (-1 byte)");
        assertFailed(status, "#6", "Tài liệu “#6” không có tệp nào");
        assertFailed(status, "tieu-de-dai.txt", "Trường “title” của tài liệu “tieu-de-dai.txt”");
        assertFailed(status, "vang-mat.txt", "Tệp “vang-mat.txt” có trong manifest.json nhưng không có trong gói");
        assertThat(catalog.resourceCount()).isEqualTo(before + 1);
    }

    @Test
    void aManifestThatCannotBeTrustedAsAWholeRefusesThePackageBeforeAnythingIsStored() throws Exception {
        byte[] bytes = ("Không được nhập " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String resources = "[" + Packages.json(item("Bài", file("bai.txt", bytes.length, sha(bytes)))) + "]";
        Map<String, String> manifests = new LinkedHashMap<>();
        manifests.put("{\"format\":\"hoclieu-exchange\",\"formatVersion\":1,\"resources\":[{\"title\":",
                "Không đọc được manifest.json");
        manifests.put(envelope("99", "\"2026-12-01T08:00:00Z\"", resources), "phiên bản 99");
        manifests.put(envelope("1", null, resources), "thiếu trường “created”");
        manifests.put(envelope("1", "\"hôm qua\"", resources), "Ngày đóng gói “hôm qua”");
        manifests.put(envelope("1", "\"2026-12-01T08:00:00Z\"", "\"tất cả\""), "Không đọc được manifest.json");
        manifests.put("{\"format\":\"hoclieu-exchange\",\"formatVersion\":1,\"created\":\"2026-12-01T08:00:00Z\","
                + "\"resources\":" + resources + "}", "thiếu trường “source.instance”");
        long before = catalog.resourceCount();

        for (Map.Entry<String, String> m : manifests.entrySet()) {
            byte[] zip = Zips.of(Map.of("manifest.json", m.getKey().getBytes(StandardCharsets.UTF_8),
                    "files/" + sha(bytes), bytes));

            JsonNode status = Imports.send(url(""), admin, "hong.zip", zip);

            assertThat(status.get("status").asString()).as(m.getKey()).isEqualTo("REJECTED");
            assertThat(status.get("message").asString()).as(m.getKey()).contains(m.getValue());
            assertThat(status.get("total").asInt()).isZero();
        }
        assertThat(catalog.resourceCount()).isEqualTo(before);
    }

    @Test
    void anotherProgramsManifestLeavesTheZipToThePlainImport() {
        String text = "Bài đọc của một trang web " + UUID.randomUUID();
        byte[] zip = Zips.of(Map.of("manifest.json", "{\"name\":\"Ứng dụng học\",\"start_url\":\"/\"}"
                .getBytes(StandardCharsets.UTF_8), "bai-doc.txt", text.getBytes(StandardCharsets.UTF_8)));

        JsonNode status = Imports.send(url(""), admin, "trang-web.zip", zip);

        assertThat(status.get("status").asString()).isEqualTo("STORED");
        assertThat(Imports.item(status, "bai-doc.txt").get("outcome").asString()).isEqualTo("IMPORTED");
    }

    private static void assertFailed(JsonNode status, String item, String why) {
        JsonNode found = Imports.item(status, item);
        assertThat(found.get("outcome").asString()).as(item).isEqualTo("FAILED");
        assertThat(found.get("message").asString()).as(item).contains(why);
    }

    private static String envelope(String version, String created, String resources) {
        return "{\"format\":\"hoclieu-exchange\",\"formatVersion\":" + version + ",\"source\":{\"instance\":\"Máy lạ\"}"
                + (created == null ? "" : ",\"created\":" + created) + ",\"resources\":" + resources + "}";
    }

    private static String manifest(List<Map<String, Object>> resources) {
        return envelope("1", "\"2026-12-01T08:00:00Z\"", Packages.json(resources));
    }

    @SafeVarargs
    private static Map<String, Object> item(String title, Map<String, Object>... files) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", UUID.randomUUID().toString());
        item.put("title", title);
        item.put("visibility", "PUBLIC");
        item.put("files", new ArrayList<>(List.of(files)));
        return item;
    }

    private static Map<String, Object> file(String name, long size, String sha256) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", name);
        file.put("size", size);
        file.put("sha256", sha256);
        return file;
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
