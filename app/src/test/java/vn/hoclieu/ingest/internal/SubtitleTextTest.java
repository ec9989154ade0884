package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitleTextTest {

    @Test
    void webVttCuesKeepTheirStartAndDropHeadersNotesIdentifiersAndMarkup() {
        String vtt = """
                WEBVTT - Bài giảng

                NOTE người soạn: tổ Văn
                còn một dòng ghi chú

                STYLE
                ::cue { color: yellow }

                mo-dau
                00:00.500 --> 00:04.000 align:start
                <v Cô giáo>Chào các em</v>

                1:02:03.250 --> 1:02:05.000
                Bài thơ <i>Sóng</i>
                của Xuân Quỳnh
                """;
        List<SubtitleText.Cue> cues = SubtitleText.cues(vtt);
        assertThat(cues).containsExactly(new SubtitleText.Cue(0.5, "Chào các em"),
                new SubtitleText.Cue(3723.25, "Bài thơ Sóng\ncủa Xuân Quỳnh"));
        assertThat(SubtitleText.of(vtt)).isEqualTo("Chào các em\fBài thơ Sóng\ncủa Xuân Quỳnh");
    }

    @Test
    void srtCuesWithCommasAndCrLfLineEnds() {
        String srt = "1\r\n00:05:31,000 --> 00:05:34,500\r\nHọc tập suốt đời\r\n\r\n2\r\n00:05:35,000 --> 00:05:36,000\r\n\r\n"
                + "3\r\n00:05:37,040 --> 00:05:39,000\r\nlà chìa khóa\r\n";
        assertThat(SubtitleText.cues(srt)).containsExactly(new SubtitleText.Cue(331.0, "Học tập suốt đời"),
                new SubtitleText.Cue(337.04, "là chìa khóa"));
    }

    @Test
    void subtitlesInAnOldCodePageOrUtf16AreDecoded() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nCà phê, s'il vous plaît, señor, Grüße\n";
        assertThat(TikaParsing.decode(srt.getBytes(StandardCharsets.UTF_8))).isEqualTo(srt);
        assertThat(TikaParsing.decode(srt.getBytes(Charset.forName("windows-1252")))).isEqualTo(srt);
        byte[] utf16 = ("\uFEFF" + srt).getBytes(StandardCharsets.UTF_16LE);
        assertThat(TikaParsing.decode(utf16)).as("the byte order mark is read, not kept").isEqualTo(srt);
    }
}
