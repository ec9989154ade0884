package vn.hoclieu.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An uploaded HTML lesson made fit to show inside a page of ours: only the elements and attributes of an
 * allow-list survive (headings, paragraphs, lists, tables, pictures, links), so no script, handler, style,
 * frame, form or {@code javascript:} link of the upload ever reaches the reader. The site's CSP forbids
 * inline scripts as well; this is the first wall, not the only one.
 */
final class LessonHtml {

    /** A lesson longer than this is shown cut, with the download for the rest. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addAttributes(":all", "lang", "dir", "title")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private LessonHtml() {
    }

    /** The cleaned body of the document (its charset read from the file, else UTF-8), and whether it was cut. */
    static Cleaned clean(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        boolean cut = bytes.length > MAX_BYTES;
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes, 0, Math.min(bytes.length, MAX_BYTES)), null, "");
        return new Cleaned(Jsoup.clean(doc.body().html(), ALLOWED), cut);
    }

    /** @param html safe to write into a page as it is */
    record Cleaned(String html, boolean cut) {
    }
}
