package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The pairs that narrow a phrase: every pair a phrase could need, across punctuation and values. */
class AdjacentPairsTest {

    private static final Analyzer FOLDED = VietnameseAnalysis.folded();

    @Test
    void pairsGoOnAcrossCommasAndSentenceEnds() {
        assertThat(pairs("Học tập, suốt đời. Đà Nẵng")).containsExactly("hoc tap", "tap suot", "suot doi", "doi da",
                "da nang");
    }

    @Test
    void oneSyllableOrNoneGivesNoPair() {
        assertThat(pairs("một")).isEmpty();
        assertThat(pairs("… ; ,")).isEmpty();
    }

    @Test
    void theFirstSyllablesOfAValuePairWithTheLastOfTheValueBeforeItInTheSameField() {
        AdjacentPairs.Carry subjects = new AdjacentPairs.Carry();
        assertThat(terms(new AdjacentPairs(FOLDED.tokenStream("f", "Toán học"), subjects))).containsExactly("toan hoc");
        assertThat(terms(new AdjacentPairs(FOLDED.tokenStream("f", "Lớp năm"), subjects)))
                .containsExactly("hoc lop", "lop nam");
        // a value with no syllable hands on what it was given
        assertThat(terms(new AdjacentPairs(FOLDED.tokenStream("f", "…"), subjects))).isEmpty();
        assertThat(terms(new AdjacentPairs(FOLDED.tokenStream("f", "Địa lí"), subjects)))
                .containsExactly("nam dia", "dia li");
    }

    @Test
    void syllablesAtOnePositionEachPairWithTheNext() {
        TokenStream stacked = new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
            private final String[][] tokens = {{"ki", "1"}, {"ky", "0"}, {"nang", "1"}, {"mem", "3"}};
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == tokens.length) {
                    return false;
                }
                clearAttributes();
                term.append(tokens[next][0]);
                position.setPositionIncrement(Integer.parseInt(tokens[next][1]));
                next++;
                return true;
            }
        };
        // and a gap (a removed token) still pairs its two sides: more pairs than needed, never fewer
        assertThat(terms(new AdjacentPairs(stacked, new AdjacentPairs.Carry())))
                .containsExactly("ki nang", "ky nang", "nang mem");
    }

    private static List<String> pairs(String text) {
        return terms(new AdjacentPairs(FOLDED.tokenStream("f", text), new AdjacentPairs.Carry()));
    }

    static List<String> terms(TokenStream stream) {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
