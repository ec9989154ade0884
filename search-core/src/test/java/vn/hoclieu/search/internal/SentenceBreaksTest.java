package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The snippets' sentence boundaries: where the JDK's sentence iterator puts them, found without re-scanning. */
class SentenceBreaksTest {

    private static final String TEXT = "Học tập suốt đời. Thư viện mở cửa!  Ai cũng đọc được? Có…\fTrang hai\nmột dòng";
    private static final String ABBREVIATED = "Sách, báo, v.v. và nhiều thứ khác. Hết";

    @Test
    void breaksAfterSentenceEndsLikeTheJdk() {
        assertThat(boundaries(new SentenceBreaks())).containsExactly(0, 18, 36, 54, 76)
                .isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT)));
        assertThat(boundaries(new SentenceBreaks(), ABBREVIATED)).containsExactly(0, 35, 38)
                .isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), ABBREVIATED));
    }

    @Test
    void followingAndPrecedingFindTheNearestBoundaryOnEitherSide() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(TEXT);
        assertThat(breaks.following(0)).isEqualTo(18);
        assertThat(breaks.following(18)).isEqualTo(36);
        assertThat(breaks.preceding(20)).isEqualTo(18);
        assertThat(breaks.preceding(18)).isEqualTo(0);
        assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.isBoundary(36)).isTrue();
        assertThat(breaks.isBoundary(37)).isFalse();
        assertThat(breaks.last()).isEqualTo(TEXT.length());
        assertThat(breaks.previous()).isEqualTo(54);
    }

    private static List<Integer> boundaries(BreakIterator it) {
        return boundaries(it, TEXT);
    }

    private static List<Integer> boundaries(BreakIterator it, String text) {
        it.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        return out;
    }
}
