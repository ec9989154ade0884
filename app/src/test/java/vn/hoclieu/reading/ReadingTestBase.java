package vn.hoclieu.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * What the reading programme tests share: people (A's librarian, who organises; a member of A; a
 * reader in no library; another reader; a teacher of B who organises a programme of their own), two
 * PUBLIC materials and one LIBRARY material of A in A's public collection, and calls made as a
 * script makes them (personal API tokens, so that each call does not pay for a password hash).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadingTestBase extends IntegrationTest {

    static final String A = "HN-TVHN";
    static final String B = "HN-THPT-BDM";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    JdbcTemplate jdbc;

    String librarian;
    String member;
    String reader;
    String otherReader;
    String teacherB;
    long first;
    long second;
    long libraryOnly;
    long collection;
    /** Starts the user names of this class's people: {@code prefix + "-reader"}. */
    String prefix;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void people() {
        prefix = getClass().getSimpleName().toLowerCase().substring(0, 12);
        librarian = token(account(prefix + "-librarian", Role.LIBRARIAN, A));
        member = token(account(prefix + "-member", Role.READER, A));
        reader = token(account(prefix + "-reader", Role.READER, null));
        otherReader = token(account(prefix + "-other", Role.READER, null));
        teacherB = token(account(prefix + "-teacher-b", Role.TEACHER, B));
        String word = UUID.randomUUID().toString().substring(0, 8);
        first = Uploads.resource("Thạch Sanh " + word).visibility("PUBLIC").library(A).by(librarian)
                .to(url("")).id();
        second = Uploads.resource("Tấm Cám " + word).visibility("PUBLIC").library(A).by(librarian).to(url("")).id();
        libraryOnly = Uploads.resource("Cây tre trăm đốt " + word).visibility("LIBRARY").library(A).by(librarian)
                .to(url("")).id();
        collection = post("/api/v1/collections", librarian, "{\"title\":\"Tủ sách lớp 6A " + word
                + "\",\"visibility\":\"PUBLIC\",\"library\":\"" + A + "\"}", 201).get("id").asLong();
        for (long id : new long[] {first, second, libraryOnly}) {
            post("/api/v1/collections/" + collection + "/items", librarian, "{\"resourceId\":" + id + "}", 201);
        }
    }

    /** The {@code Authorization} header of a new personal token of this account. */
    String token(String username) {
        return tokens.computeIfAbsent(username, u -> Http.bearer(post("/api/v1/account/tokens", Http.basic(u, PASSWORD),
                "{\"name\":\"chương trình đọc\"}", 201).get("token").asString()));
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** A programme of the shared collection by A's librarian, from {@code startsOn} for 30 days; its id. */
    long programme(String title, LocalDate startsOn, boolean open) {
        return post("/api/v1/reading-programmes", librarian, "{\"collection\":" + collection + ",\"title\":\"" + title
                + "\",\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + startsOn.plusDays(30) + "\",\"open\":" + open
                + "}", 201).get("id").asLong();
    }

    /** Moves a programme's dates into the past, as if it had ended (the API refuses to make one so). */
    void endedYesterday(long programme) {
        jdbc.update("update reading_programme set starts_on = ?, ends_on = ? where id = ?", today().minusDays(31),
                today().minusDays(1), programme);
    }

    JsonNode post(String path, String auth, String json, int status) {
        Http.Response r = Http.json("POST", url(path), auth, json);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(status);
        return r.json();
    }

    Http.Response call(String method, String path, String auth, String json) {
        return Http.json(method, url(path), auth, json);
    }

    Http.Response get(String path, String auth) {
        return auth == null ? Http.get(url(path)) : Http.get(url(path), "Authorization", auth);
    }

    /** The API address of one material's mark in one programme. */
    static String reads(long programme, long resource) {
        return "/api/v1/reading-programmes/" + programme + "/reads/" + resource;
    }
}
