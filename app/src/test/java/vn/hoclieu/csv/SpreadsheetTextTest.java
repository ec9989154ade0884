package vn.hoclieu.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void whatASpreadsheetWouldRunIsQuotedAndEverythingElseKept() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(SpreadsheetText.inert(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetText.inert("Học tập suốt đời")).isEqualTo("Học tập suốt đời");
        assertThat(SpreadsheetText.inert("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetText.inert("")).isEmpty();
        assertThat(SpreadsheetText.inert(null)).isEmpty();
    }
}
