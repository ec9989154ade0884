package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Runs a real analyzer over a text and returns what it emits, for assertions. */
final class AnalyzedTokens {

    record Token(String term, int start, int end, int positionIncrement) {
    }

    private AnalyzedTokens() {
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return tokens(analyzer, text).stream().map(Token::term).toList();
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position =
                    stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
                        position.getPositionIncrement()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
