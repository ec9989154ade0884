package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tidying a parser's text in one pass gives what the three regular expressions it replaces gave:
 * no spaces at the end of a line, at most one blank line in a row, no white space at either end
 * except the form feeds that keep empty first and last pages counted.
 */
class TextTidyingTest {

    @Test
    void tidiesAsTheRegularExpressionsDid() {
        String alphabet = " \t\n\r\f\u000B\u00A0ab\u2028\u2029\u0085";
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertThat(TikaParsing.tidy(t)).as("%s", t.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(byRegularExpressions(t));
        }
    }

    @Test
    void keepsParagraphsAndPageBreaks() {
        assertThat(TikaParsing.tidy("  \n\fTrang một  \n\n\n\n  Đoạn hai\t\n\f\n \n"))
                .isEqualTo("\fTrang một\n\n  Đoạn hai\n\f");
    }

    private static String byRegularExpressions(String text) {
        return text.replaceAll("[ \\t\\x0B\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n")
                .replaceAll("^[\\s&&[^\\f]]+|[\\s&&[^\\f]]+$", "");
    }
}
