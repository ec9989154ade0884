package vn.hoclieu.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.Zips;

/** Exchange packages opened as a person with an unzip tool would: entries, the manifest, a file damaged on the way. */
public final class Packages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Packages() {
    }

    /** Every entry of the ZIP, in its order. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static JsonNode manifest(byte[] zip) {
        return JSON.readTree(entries(zip).get("manifest.json"));
    }

    /** The source ids of the resources a manifest lists, in its order. */
    public static List<Long> ids(JsonNode manifest) {
        List<Long> ids = new ArrayList<>();
        manifest.get("resources").forEach(r -> ids.add(Long.parseLong(r.get("id").asString())));
        return ids;
    }

    public static List<String> titles(JsonNode manifest) {
        List<String> titles = new ArrayList<>();
        manifest.get("resources").forEach(r -> titles.add(r.get("title").asString()));
        return titles;
    }

    /** The same package with one file's bytes changed, its length kept: what a faulty USB copy does. */
    public static byte[] damaged(byte[] zip, String sha256) {
        Map<String, byte[]> entries = entries(zip);
        byte[] bytes = entries.get("files/" + sha256).clone();
        bytes[bytes.length / 2] ^= 0x20;
        entries.put("files/" + sha256, bytes);
        return Zips.of(entries);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
