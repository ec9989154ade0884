package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one rule for subtitles, on file names alone (the paths that use it are tested with real files). */
class SubtitlesTest {

    @Test
    void aSubtitleBelongsToTheRecordingItIsNamedForWithOrWithoutALanguage() {
        assertThat(Subtitles.belongsTo("bai-giang.srt", "bai-giang.mp4")).isTrue();
        assertThat(Subtitles.belongsTo("bai-giang.vi.srt", "bai-giang.mp4")).isTrue();
        assertThat(Subtitles.belongsTo("bai-giang.en-GB.vtt", "bai-giang.mp3")).isTrue();
    }

    @Test
    void aNameThatMerelyStartsLikeTheRecordingsIsAnotherLessons() {
        assertThat(Subtitles.belongsTo("bai-giang-2.srt", "bai-giang.mp4")).isFalse();
        assertThat(Subtitles.belongsTo("bai-giang2.srt", "bai-giang.mp4")).isFalse();
        assertThat(Subtitles.belongsTo("bai-1.vtt", "bai-10.mp4")).isFalse();
        assertThat(Subtitles.belongsTo("bai-10.vtt", "bai-1.mp4")).isFalse();
    }

    @Test
    void onlyAVideoOrAudioHasSubtitles() {
        assertThat(Subtitles.belongsTo("tom-tat.vtt", "tom-tat.pdf")).isFalse();
        assertThat(Subtitles.belongsTo("bai-giang.txt", "bai-giang.mp4")).as("not a subtitle").isFalse();
        assertThat(Subtitles.isRecording("bai-giang.MKV")).isTrue();
        assertThat(Subtitles.isRecording("bai-giang.pdf")).isFalse();
    }

    @Test
    void letterCaseAndTheEncodingOfVietnameseLettersDoNotMatter() {
        String composed = "bài-giảng";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(Subtitles.belongsTo(decomposed + ".vi.srt", composed + ".mp4")).isTrue();
        assertThat(Subtitles.belongsTo("Bai-Giang.VI.SRT", "bai-giang.MP4")).isTrue();
        assertThat(Subtitles.isSubtitle("PHU-DE.VTT")).isTrue();
        assertThat(Subtitles.isSubtitle("phu-de.vtt.txt")).isFalse();
        assertThat(Subtitles.isSubtitle(null)).isFalse();
    }

    @Test
    void groupingKeepsTheOrderGivenAndGivesASubtitleToTheLongestNameItBelongsTo() {
        List<List<String>> groups = Subtitles.group(List.of("bai-1.mp4", "bai-1.phan-2.mp4", "sach.pdf",
                "bai-1.phan-2.vi.vtt", "bai-1.vi.vtt", "bai-2.srt", "bai-1.en.vtt"), Function.identity());

        assertThat(groups).containsExactly(List.of("bai-1.mp4", "bai-1.vi.vtt", "bai-1.en.vtt"),
                List.of("bai-1.phan-2.mp4", "bai-1.phan-2.vi.vtt"), List.of("sach.pdf"), List.of("bai-2.srt"));
    }
}
