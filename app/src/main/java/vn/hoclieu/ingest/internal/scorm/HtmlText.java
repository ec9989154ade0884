package vn.hoclieu.ingest.internal.scorm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.NonDetectingEncodingDetector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.txt.BOMDetector;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Plain text of one HTML file, through Tika's HTML parser: body text only, scripts and styles left out.
 *
 * <p>The HTML parser is used directly, not {@code AutoDetectParser}: a file the manifest calls HTML is read as
 * HTML, so a ZIP or anything else dressed up with an .html name is never unpacked or handed to another parser.
 */
final class HtmlText {

    /** A byte-order mark, else the page's own meta charset, else UTF-8 (what authoring tools write today). */
    private static final JSoupParser PARSER = new JSoupParser(new CompositeEncodingDetector(List.of(
            new BOMDetector(), new HtmlEncodingDetector(),
            new NonDetectingEncodingDetector(StandardCharsets.UTF_8))));

    private HtmlText() {
    }

    /**
     * The body text of {@code html}, cut at {@code maxChars} characters, with runs of blank lines collapsed;
     * empty when the parser fails on it.
     */
    static Optional<String> of(byte[] html, int maxChars) {
        BodyContentHandler body = new BodyContentHandler(maxChars);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "text/html");
        try (TikaInputStream in = TikaInputStream.get(html)) {
            PARSER.parse(in, body, metadata, new ParseContext());
        } catch (Exception | StackOverflowError e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return Optional.empty();
            }
            // the text so far is kept: the limit bounds the text, it does not make the file bad
        }
        return Optional.of(tidy(body.toString()));
    }

    /** Collapses the blank lines and trailing spaces the parser leaves, keeping paragraph breaks. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
