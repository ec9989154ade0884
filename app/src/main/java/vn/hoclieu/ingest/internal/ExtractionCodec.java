package vn.hoclieu.ingest.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.PageDrawing;

/**
 * The wire format between the application and its extractor processes: length-prefixed UTF-8
 * fields, so a text of any size and any character goes through unchanged. While a file is read
 * the extractor sends {@link #PROGRESS} frames (a page is done), then one {@link #RESULT} frame.
 */
final class ExtractionCodec {

    static final int PROGRESS = 0x50524F47; // "PROG"
    static final int RESULT = 0x52534C54;   // "RSLT"
    static final int PICTURE = 0x50494354;  // "PICT": a page drawn, or why it was not

    private ExtractionCodec() {
    }

    /**
     * One thing for the extractor to do: read a whole file ({@code page} {@link #WHOLE_FILE}), or
     * read one page of a PDF by OCR ({@code page} from 0) — a scan's pages are spread over workers.
     */
    record Request(String file, String name, String declaredType, int page) {

        Request(String file, String name, String declaredType) {
            this(file, name, declaredType, WHOLE_FILE);
        }

        boolean wholeFile() {
            return page == WHOLE_FILE;
        }
    }

    static final int WHOLE_FILE = -1;

    static void write(DataOutputStream out, Request r) throws IOException {
        string(out, r.file());
        string(out, r.name());
        string(out, r.declaredType());
        out.writeInt(r.page());
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        return new Request(string(in), string(in), string(in), in.readInt());
    }

    static void write(DataOutputStream out, Extraction e) throws IOException {
        out.writeInt(RESULT);
        string(out, e.status().name());
        string(out, e.reason());
        string(out, e.text());
        string(out, e.title());
        string(out, e.author());
        string(out, e.language());
        out.writeInt(e.pages() == null ? -1 : e.pages());
        out.writeDouble(e.durationSeconds() == null ? -1 : e.durationSeconds());
        out.writeBoolean(e.ocr());
        string(out, e.mediaType());
        string(out, e.launchPath());
        string(out, e.legacyEncoding());
        bytes(out, e.thumbnail());
        out.writeInt(e.cueStarts().size());
        for (double start : e.cueStarts()) {
            out.writeDouble(start);
        }
        out.writeInt(e.keywords().size());
        for (String keyword : e.keywords()) {
            string(out, keyword);
        }
        out.flush();
    }

    /** A page of a PDF to draw for the phone reader ({@code page} from 1; 0 for the page count alone). */
    record PictureRequest(String file, int page, int width, int maxHeight) {
    }

    static void write(DataOutputStream out, PictureRequest r) throws IOException {
        string(out, r.file());
        out.writeInt(r.page());
        out.writeInt(r.width());
        out.writeInt(r.maxHeight());
        out.flush();
    }

    static PictureRequest readPictureRequest(DataInputStream in) throws IOException {
        return new PictureRequest(string(in), in.readInt(), in.readInt(), in.readInt());
    }

    /** A drawn page: the page count and the JPEG (none when only the count was asked for). */
    static void writePicture(DataOutputStream out, PageDrawing.Drawn drawn) throws IOException {
        out.writeInt(PICTURE);
        string(out, null);
        out.writeInt(drawn.pages());
        bytes(out, drawn.jpeg());
        out.flush();
    }

    /** A page that could not be drawn, and why. */
    static void writePictureRefused(DataOutputStream out, String why) throws IOException {
        out.writeInt(PICTURE);
        string(out, why == null ? "unreadable" : why);
        out.flush();
    }

    /** The answer to a {@link PictureRequest}; an {@link IOException} carrying the reason if it was refused. */
    static PageDrawing.Drawn readPicture(DataInputStream in) throws IOException {
        int tag = in.readInt();
        if (tag != PICTURE) {
            throw new IOException("unexpected frame " + Integer.toHexString(tag));
        }
        String refused = string(in);
        if (refused != null) {
            throw new RefusedPicture(refused);
        }
        int pages = in.readInt();
        return new PageDrawing.Drawn(pages, bytes(in));
    }

    /** The picture process answered that it could not draw the page: the file is at fault, not the process. */
    static final class RefusedPicture extends IOException {
        RefusedPicture(String why) {
            super(why);
        }
    }

    /** The next frame: an extraction, or null for a progress frame. */
    static Extraction readFrame(DataInputStream in) throws IOException {
        int tag = in.readInt();
        if (tag == PROGRESS) {
            return null;
        }
        if (tag != RESULT) {
            throw new IOException("unexpected frame " + Integer.toHexString(tag));
        }
        return readExtraction(in);
    }

    private static Extraction readExtraction(DataInputStream in) throws IOException {
        ExtractionStatus status = ExtractionStatus.valueOf(string(in));
        String reason = string(in);
        String text = string(in);
        String title = string(in);
        String author = string(in);
        String language = string(in);
        int pages = in.readInt();
        double duration = in.readDouble();
        boolean ocr = in.readBoolean();
        String mediaType = string(in);
        String launchPath = string(in);
        String legacyEncoding = string(in);
        byte[] thumbnail = bytes(in);
        int cues = in.readInt();
        if (cues < 0 || cues > 10_000_000) {
            throw new IOException(cues + " subtitle cues");
        }
        List<Double> starts = new ArrayList<>(cues);
        for (int i = 0; i < cues; i++) {
            starts.add(in.readDouble());
        }
        int keywordCount = in.readInt();
        if (keywordCount < 0 || keywordCount > TikaParsing.MAX_KEYWORDS) {
            throw new IOException(keywordCount + " keywords");
        }
        List<String> keywords = new ArrayList<>(keywordCount);
        for (int i = 0; i < keywordCount; i++) {
            keywords.add(string(in));
        }
        return new Extraction(status, reason, text == null ? "" : text, title, author, language,
                pages < 0 ? null : pages, duration < 0 ? null : duration, ocr, mediaType, launchPath, legacyEncoding,
                thumbnail, starts, keywords);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > 16 << 20) {
            throw new IOException("preview of " + length + " bytes");
        }
        return in.readNBytes(length);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > 512 << 20) {
            throw new IOException("field of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
