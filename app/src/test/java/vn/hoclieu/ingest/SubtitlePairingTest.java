package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;

/**
 * The same files make the same materials whichever way they arrive: the upload form without
 * script, the grouping the form's script asks the server for, a ZIP import and a folder import from
 * the server's inbox. Each path sends bytes of its own, so that none is a duplicate of another's.
 */
class SubtitlePairingTest extends IntegrationTest {

    private static final List<String> NAMES = List.of("bai-giang.mp4", "bai-giang.srt", "bai-giang.vi.srt",
            "bai-giang-2.srt", "Bai-10.MP4", "bai-10.en.vtt", "tom-tat.txt", "tom-tat.vtt");

    /** A librarian's reading: subtitles named for a video go with it; a lookalike name or a document's do not. */
    private static final Set<Set<String>> MATERIALS = Set.of(
            Set.of("bai-giang.mp4", "bai-giang.srt", "bai-giang.vi.srt"),
            Set.of("bai-giang-2.srt"),
            Set.of("Bai-10.MP4", "bai-10.en.vtt"),
            Set.of("tom-tat.txt"),
            Set.of("tom-tat.vtt"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DESCRIBE_LINK = Pattern.compile("href=\"/upload/(\\d+)\"");

    @Test
    void theUploadFormAZipImportAndAFolderImportGroupTheSameFilesAlike() throws Exception {
        String teacher = account("teacher-subtitles", Role.TEACHER, "HN-TVHN");
        String librarian = account("librarian-subtitles", Role.LIBRARIAN, "HN-TVHN");

        assertThat(uploadForm(teacher)).as("the upload form").isEqualTo(MATERIALS);
        assertThat(scriptsGrouping(teacher)).as("the upload form's script").isEqualTo(MATERIALS);
        assertThat(zipImport(librarian)).as("a ZIP import").isEqualTo(MATERIALS);
        assertThat(folderImport()).as("a folder import").isEqualTo(MATERIALS);
    }

    private Set<Set<String>> uploadForm(String teacher) throws Exception {
        Browser browser = signedIn(teacher);
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .field("separate", "true").field("visibility", "PUBLIC");
        files().forEach((name, bytes) -> form.file("file", name, "application/octet-stream", bytes));

        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        List<Long> ids = DESCRIBE_LINK.matcher(posted.body()).results().map(m -> Long.parseLong(m.group(1)))
                .distinct().toList();
        return materials(ids, Http.basic(teacher, PASSWORD));
    }

    private Set<Set<String>> scriptsGrouping(String teacher) throws Exception {
        Browser browser = signedIn(teacher);
        String names = "[" + String.join(",", NAMES.stream().map(n -> "\"" + n + "\"").toList()) + "]";

        HttpResponse<String> grouped = browser.postJson("/upload/materials", Browser.csrf(browser.get("/upload").body()),
                names);

        assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(200);
        Set<Set<String>> materials = new HashSet<>();
        for (JsonNode group : JSON.readTree(grouped.body())) {
            Set<String> material = new HashSet<>();
            group.forEach(position -> material.add(NAMES.get(position.asInt())));
            materials.add(material);
        }
        return materials;
    }

    private Set<Set<String>> zipImport(String librarian) {
        String authorization = Http.basic(librarian, PASSWORD);
        Http.Response accepted = Http.upload(url("/api/v1/imports"), authorization,
                Map.of("bai-giang.zip", Zips.of(files())), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return materials(importedIds(accepted.json().get("id").asLong(), authorization), authorization);
    }

    private Set<Set<String>> folderImport() throws Exception {
        String folder = "phu-de-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(ingest.importInbox().resolve(folder));
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        String admin = Http.basic("admin", PASSWORD);
        Http.Response accepted = Http.postForm(url("/api/v1/imports/folder"), admin, "folder", folder,
                "library", "HN-TVHN");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return materials(importedIds(accepted.json().get("id").asLong(), admin), admin);
    }

    /** The resources an import made, once it has stored every file. */
    private List<Long> importedIds(long importId, String authorization) {
        await(() -> !status(importId, authorization).get("status").asString().equals("RECEIVED"),
                Duration.ofSeconds(90), "import " + importId + " did not finish");
        JsonNode status = status(importId, authorization);
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("STORED");
        List<Long> ids = new ArrayList<>();
        status.get("items").forEach(item -> ids.add(item.get("resourceId").asLong()));
        return ids;
    }

    private JsonNode status(long importId, String authorization) {
        return Http.get(url("/api/v1/imports/" + importId), "Authorization", authorization).json();
    }

    /** Each resource's file names, as the API lists them. */
    private Set<Set<String>> materials(List<Long> ids, String authorization) {
        Set<Set<String>> materials = new HashSet<>();
        for (long id : ids) {
            Http.Response resource = Http.get(url("/api/v1/resources/" + id), "Authorization", authorization);
            assertThat(resource.status()).as(resource.body()).isEqualTo(200);
            Set<String> names = new HashSet<>();
            resource.json().get("files").forEach(f -> names.add(f.get("name").asString()));
            materials.add(names);
        }
        return materials;
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser(url(""));
        browser.signIn(user, PASSWORD);
        return browser;
    }

    /** The files under {@link #NAMES}, with contents no other path (nor test) has sent. */
    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : NAMES) {
            String lower = name.toLowerCase(Locale.ROOT);
            String unique = UUID.randomUUID().toString();
            if (lower.endsWith(".mp4")) {
                byte[] video = new byte[2048];
                new Random().nextBytes(video);
                files.put(name, video);
            } else if (lower.endsWith(".srt")) {
                files.put(name, ("1\n00:00:01,000 --> 00:00:02,000\nPhụ đề " + unique + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (lower.endsWith(".vtt")) {
                files.put(name, ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPhụ đề " + unique + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                files.put(name, ("Tóm tắt bài giảng " + unique).getBytes(StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
