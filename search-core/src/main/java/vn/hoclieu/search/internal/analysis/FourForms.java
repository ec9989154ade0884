package vn.hoclieu.search.internal.analysis;

import java.io.StringReader;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The four indexed forms of one text value — exact, exact bigrams, folded, folded bigrams — from
 * <em>one</em> pass of the front (char filters, {@code ICUTokenizer}) and one pass of each
 * syllable chain, instead of four full analyses. The streams emit exactly what the four analyzers
 * of {@link VietnameseAnalysis} emit for the same text (a test compares them); queries keep using
 * those analyzers.
 *
 * <p>How: the tokenizer's tokens are recorded once ({@link TokenRecording}: term, offsets,
 * increment and flags in flat arrays) and replayed into the folded chain; each chain's output is
 * recorded again, and its bigrams are built straight from that recording
 * ({@link TokenRecording#bigrams()}, by the shingle filter's rules).
 * A sentence break is carried as a flag on the token after it and becomes a position gap only
 * for the bigrams, so the unigram streams keep the analyzers' positions.
 *
 * <p>{@link Streams#foldedAgain()} replays the folded syllables once more, for a field that gathers
 * every text field of a resource (matching and counting need one clause per word there, not one per
 * field), and {@link Streams#foldedPairs} once more, for the field of neighbouring pairs that narrows
 * phrases.
 *
 * <p>The streams must be consumed in the order of {@link Streams}, as Lucene does when the fields
 * are added to a document in that order: the exact stream drives the tokenizer, and each later
 * stream replays what an earlier one captured.
 */
public final class FourForms {

    private FourForms() {
    }

    /** The four streams of a text; consume them in this order (see {@link FourForms}). */
    public record Streams(TokenStream exact, TokenStream exactBigrams, TokenStream folded, TokenStream foldedBigrams,
                          TokenStream foldedAgain, Supplier<TokenStream> foldedReplay) {

        /** The folded syllables' neighbouring pairs ({@link AdjacentPairs}), replayed once more; consume it last. */
        public TokenStream foldedPairs(AdjacentPairs.Carry carry) {
            return new AdjacentPairs(foldedReplay.get(), carry);
        }
    }

    public static Streams of(String text) {
        TextWindow window = new TextWindow();
        ICUTokenizer tokenizer = new ICUTokenizer();
        tokenizer.setReader(VietnameseAnalyzer.front(window.record(new StringReader(text))));
        TokenRecording syllables = new TokenRecording(new SentenceBreakFilter(tokenizer, window));
        TokenStream syllablesAgain = syllables.replay();

        TokenRecording exact = new TokenRecording(VietnameseAnalyzer.syllableChain(
                VietnameseAnalyzer.Form.EXACT, syllables));
        TokenRecording folded = new TokenRecording(VietnameseAnalyzer.syllableChain(
                VietnameseAnalyzer.Form.FOLDED, syllablesAgain));
        return new Streams(exact, exact.bigrams(), folded, folded.bigrams(), folded.replay(), folded::replay);
    }
}
