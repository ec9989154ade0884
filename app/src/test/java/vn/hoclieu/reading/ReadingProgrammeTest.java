package vn.hoclieu.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.TestGroups;
import vn.hoclieu.account.Role;

/** Reading programmes through the API: the rules, the dates, privacy, and a reader's own record. */
@Tag(TestGroups.POSTGRES)
class ReadingProgrammeTest extends ReadingTestBase {

    @Test
    void readersJoinMarkWhatTheyMaySeeAndTheirProgressCountsOnlyThat() {
        long p = programme("Thử thách đọc 30 ngày", today(), true);
        // a reader in no library sees the two PUBLIC materials; a member of A also the LIBRARY one
        assertThat(get("/api/v1/reading-programmes/" + p, reader).json().get("materials")).hasSize(2);
        assertThat(get("/api/v1/reading-programmes/" + p, member).json().get("materials")).hasSize(3);
        assertThat(get("/api/v1/reading-programmes/" + p, null).json().get("materials")).hasSize(2);

        assertThat(call("POST", "/api/v1/reading-programmes/" + p + "/join", reader, null).status()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/reading-programmes/" + p + "/join", reader, null).status()).isEqualTo(200);
        Http.Response marked = call("PUT", reads(p, first), reader, "{\"note\":\"Em thích Thạch Sanh.\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        assertThat(marked.json().get("read").asInt()).isEqualTo(1);
        assertThat(marked.json().get("total").asInt()).isEqualTo(2);
        assertThat(marked.json().get("finished").asBoolean()).isFalse();
        // what the reader may not see is not part of the programme for them
        assertThat(call("PUT", reads(p, libraryOnly), reader, null).status()).isEqualTo(404);
        assertThat(call("PUT", reads(p, 99_999_999L), reader, null).status()).isEqualTo(404);

        // marking again replaces the note; unmarking takes the mark back
        assertThat(call("PUT", reads(p, first), reader, "{\"note\":\"Đọc lại vẫn hay.\"}").status()).isEqualTo(200);
        assertThat(call("DELETE", reads(p, second), reader, null).status()).isEqualTo(404);
        assertThat(call("PUT", reads(p, second), reader, null).json().get("finished").asBoolean()).isTrue();
        assertThat(call("DELETE", reads(p, second), reader, null).status()).isEqualTo(204);
        JsonNode progress = get("/api/v1/reading-programmes/" + p + "/progress", reader).json();
        assertThat(progress.get("read").asInt()).isEqualTo(1);

        JsonNode seen = get("/api/v1/reading-programmes/" + p, reader).json();
        assertThat(seen.get("participants").asLong()).isEqualTo(1);
        assertThat(seen.get("progress").get("read").asInt()).isEqualTo(1);
        assertThat(seen.get("materials").get(0).get("note").asString()).isEqualTo("Đọc lại vẫn hay.");
        // nobody else learns who joined or what they wrote: counts only
        String asStranger = get("/api/v1/reading-programmes/" + p, otherReader).body();
        assertThat(asStranger).doesNotContain("Đọc lại").doesNotContain("readingprogr-reader");
        assertThat(get("/api/v1/reading-programmes/" + p + "/progress", otherReader).status()).isEqualTo(404);
    }

    @Test
    void onlyTheProgrammesOrganisersSeeItsParticipantsAndTheirNotes() {
        long p = programme("Tuần lễ đọc sách", today(), true);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", member, null);
        call("PUT", reads(p, libraryOnly), member, "{\"note\":\"Truyện rất có ích.\"}");
        // B's teacher organises a programme of their own: that gives no right to this one
        long bCollection = post("/api/v1/collections", teacherB, "{\"title\":\"Của lớp B\"}", 201).get("id").asLong();
        post("/api/v1/reading-programmes", teacherB, "{\"collection\":" + bCollection + ",\"title\":\"Lớp B đọc\","
                + "\"startsOn\":\"" + today() + "\",\"endsOn\":\"" + today().plusDays(7) + "\"}", 201);

        JsonNode participants = get("/api/v1/reading-programmes/" + p + "/participants", librarian).json();
        assertThat(participants).hasSize(1);
        assertThat(participants.get(0).get("username").asString()).isEqualTo("readingprogr-member");
        assertThat(participants.get(0).get("read").asInt()).isEqualTo(1);
        assertThat(participants.get(0).get("total").asInt()).isEqualTo(3);
        assertThat(participants.get(0).get("marks").get(0).get("note").asString()).isEqualTo("Truyện rất có ích.");
        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", Http.basic("admin", PASSWORD)).status())
                .isEqualTo(200);

        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", otherReader).status()).isEqualTo(403);
        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", member).status()).isEqualTo(403);
        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", teacherB).status()).isEqualTo(403);
        // another reader's own record holds nothing of the member's
        assertThat(get("/api/v1/reading-programmes/my-record", otherReader).body()).doesNotContain("Truyện rất");
        assertThat(get("/api/v1/reading-programmes/my-record", null).status()).isEqualTo(401);
    }

    @Test
    void joiningAndMarkingAreOpenBetweenTheDatesOnly() {
        long upcoming = programme("Đọc hè", today().plusDays(3), true);
        Http.Response early = call("POST", "/api/v1/reading-programmes/" + upcoming + "/join", reader, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("chưa bắt đầu")
                .contains(String.format("%02d/%02d/%d", today().plusDays(3).getDayOfMonth(),
                        today().plusDays(3).getMonthValue(), today().plusDays(3).getYear()));

        long ended = programme("Đọc học kỳ I", today(), true);
        call("POST", "/api/v1/reading-programmes/" + ended + "/join", reader, null);
        endedYesterday(ended);
        assertThat(call("PUT", reads(ended, first), reader, null).json().get("detail").asString())
                .contains("đã kết thúc");
        assertThat(call("POST", "/api/v1/reading-programmes/" + ended + "/join", otherReader, null).status())
                .isEqualTo(409);
        // the programme itself still shows, and says so
        assertThat(get("/api/v1/reading-programmes/" + ended, null).json().get("state").asString()).isEqualTo("ENDED");
        assertThat(get("/api/v1/reading-programmes", null).body()).doesNotContain("\"id\":" + ended + ",");
    }

    @Test
    void whatCannotBeSavedIsRefusedWithAClearMessage() {
        long p = programme("Đọc cùng con", today(), false);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", reader, null);
        Http.Response tooLong = call("PUT", reads(p, first), reader, "{\"note\":\"" + "ạ".repeat(301) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("300").contains("301");
        assertThat(call("PUT", reads(p, first), reader, "{\"note\":\"" + "ạ".repeat(300) + "\"}").status())
                .isEqualTo(201);

        String base = "{\"collection\":" + collection + ",\"title\":\"Sai ngày\",";
        Http.Response backwards = call("POST", "/api/v1/reading-programmes", librarian, base + "\"startsOn\":\""
                + today().plusDays(5) + "\",\"endsOn\":\"" + today().plusDays(1) + "\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).contains("Ngày kết thúc");
        assertThat(call("POST", "/api/v1/reading-programmes", librarian, base + "\"startsOn\":\"" + today() + "\"}")
                .status()).isEqualTo(400);
        // readers join programmes; they do not make them, nor does anyone from a collection they may not change
        assertThat(call("POST", "/api/v1/reading-programmes", reader, base + "\"startsOn\":\"" + today()
                + "\",\"endsOn\":\"" + today() + "\"}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/reading-programmes", teacherB, base + "\"startsOn\":\"" + today()
                + "\",\"endsOn\":\"" + today() + "\"}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/reading-programmes", null, base + "\"startsOn\":\"" + today()
                + "\",\"endsOn\":\"" + today() + "\"}").status()).isEqualTo(401);
        // not open: not listed, but its address works (the poster's QR code)
        assertThat(get("/api/v1/reading-programmes", null).body()).doesNotContain("Đọc cùng con");
        assertThat(get("/api/v1/reading-programmes/" + p, null).status()).isEqualTo(200);
    }

    @Test
    void organisersExtendAProgrammeOrDeleteItAndNobodyElseMay() {
        long p = programme("Tuần đọc kéo dài", today(), false);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", member, null);
        endedYesterday(p);
        String later = "{\"endsOn\":\"" + today().plusDays(7) + "\",\"open\":true}";
        assertThat(call("PATCH", "/api/v1/reading-programmes/" + p, member, later).status()).isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/reading-programmes/" + p, teacherB, later).status()).isEqualTo(403);
        JsonNode extended = call("PATCH", "/api/v1/reading-programmes/" + p, librarian, later).json();
        assertThat(extended.get("state").asString()).isEqualTo("RUNNING");
        assertThat(extended.get("title").asString()).isEqualTo("Tuần đọc kéo dài");
        assertThat(get("/api/v1/reading-programmes", null).body()).contains("Tuần đọc kéo dài");
        assertThat(call("PUT", reads(p, first), member, null).status()).isEqualTo(201);
        assertThat(call("PATCH", "/api/v1/reading-programmes/" + p, librarian, "{\"endsOn\":\""
                + today().minusDays(40) + "\"}").status()).isEqualTo(400);

        assertThat(call("DELETE", "/api/v1/reading-programmes/" + p, member, null).status()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/reading-programmes/" + p, librarian, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/reading-programmes/" + p, null).status()).isEqualTo(404);
        assertThat(get("/api/v1/reading-programmes/my-record", member).body()).doesNotContain("Tuần đọc kéo dài");
    }

    @Test
    void aReaderExportsAndDeletesTheirOwnRecord() {
        String deleter = token(account("readingprogr-deleter", Role.READER, null));
        long p = programme("Đọc để quên", today(), true);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", deleter, null);
        call("PUT", reads(p, second), deleter, "{\"note\":\"Chị Dậu thật khổ.\"}");

        JsonNode record = get("/api/v1/reading-programmes/my-record", deleter).json();
        assertThat(record.get("username").asString()).isEqualTo("readingprogr-deleter");
        assertThat(record.get("programmes")).hasSize(1);
        assertThat(record.get("programmes").get(0).get("marks").get(0).get("note").asString())
                .isEqualTo("Chị Dậu thật khổ.");

        Http.Response deleted = call("DELETE", "/api/v1/reading-programmes/my-record", deleter, null);
        assertThat(deleted.json().get("programmesLeft").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/reading-programmes/my-record", deleter).json().get("programmes")).isEmpty();
        assertThat(get("/api/v1/reading-programmes/" + p, null).json().get("participants").asLong()).isZero();
        assertThat(get("/api/v1/reading-programmes/" + p + "/participants", librarian).json()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from reading_mark where note = ?", Integer.class,
                "Chị Dậu thật khổ.")).isZero();
    }
}
