package vn.hoclieu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ways real files arrive damaged, each made deterministically from an intact copy (the same bytes in
 * give the same bytes out): ZIP containers (EPUB, Office Open XML, OpenDocument) whose entries are out of
 * order or whose central directory is cut, missing or points at the wrong bytes — their content is all
 * there — PDFs whose cross-reference data is wrong or gone, and copies that are really unreadable (cut to
 * 5 %, or noise behind the right header). Used by the tests and by the damaged-files report.
 */
public enum Damage {

    /** Rewritten with its entries in reverse order: {@code mimetype} comes last; the central directory is sound. */
    ENTRIES_REVERSED(Family.ZIP, true, "entries in reverse order, mimetype last"),
    /** The {@code mimetype} entry first but deflated, as some zip tools rewrite it. */
    MIMETYPE_DEFLATED(Family.ZIP, true, "mimetype entry deflated"),
    /** Everything from the central directory on is gone: only the local headers are left. */
    CENTRAL_DIRECTORY_REMOVED(Family.ZIP, true, "central directory removed"),
    /** The file ends halfway through the central directory (an interrupted copy of a whole file). */
    CENTRAL_DIRECTORY_CUT(Family.ZIP, true, "central directory cut in half"),
    /** The end record says the central directory starts elsewhere. */
    END_RECORD_WRONG(Family.ZIP, true, "end record points elsewhere"),
    /** Every central entry points a few bytes past its local header. */
    LOCAL_OFFSETS_WRONG(Family.ZIP, true, "central entries point past their local headers"),
    /** Entries out of order and no central directory: only a reader that repairs the archive finds the mimetype. */
    REVERSED_WITHOUT_CENTRAL_DIRECTORY(Family.ZIP, true, "entries reversed and central directory removed"),

    /** {@code startxref} names a wrong offset. */
    STARTXREF_WRONG(Family.PDF, true, "startxref points elsewhere"),
    /** The cross-reference table or stream overwritten with noise. */
    XREF_OVERWRITTEN(Family.PDF, true, "cross-reference data overwritten"),
    /** 1,000 bytes inserted after the header: every offset is off. */
    OFFSETS_SHIFTED(Family.PDF, true, "every offset shifted by 1,000 bytes"),
    /** The trailer (or the cross-reference stream's dictionary) no longer names the document's root. */
    TRAILER_WITHOUT_ROOT(Family.PDF, true, "trailer lost its /Root"),
    /** The last cross-reference section, trailer and {@code startxref} cut off. */
    XREF_AND_TRAILER_CUT(Family.PDF, true, "cross-reference section and trailer cut off"),
    /** The file ends halfway through its last cross-reference section (an interrupted download). */
    CUT_INSIDE_XREF(Family.PDF, true, "file ends inside its cross-reference section"),

    /** Only the first 5 % is left: most of the content is gone. */
    CUT_TO_5_PERCENT(Family.ANY, false, "cut to 5 %"),
    /** The right header, then 64 KB of noise. */
    NOISE_AFTER_HEADER(Family.ANY, false, "noise after a valid header");

    /** The files a damage applies to. */
    public enum Family { ZIP, PDF, ANY }

    private final Family family;
    private final boolean recoverable;
    private final String description;

    Damage(Family family, boolean recoverable, String description) {
        this.family = family;
        this.recoverable = recoverable;
        this.description = description;
    }

    /** Whether all the content is still in the damaged copy, so a reader that repairs it should read it. */
    public boolean recoverable() {
        return recoverable;
    }

    public String description() {
        return description;
    }

    /** Whether this damage can be made to a file of this name (by its extension). */
    public boolean appliesTo(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean pdf = lower.endsWith(".pdf");
        return switch (family) {
            case PDF -> pdf;
            case ZIP -> !pdf;
            case ANY -> true;
        };
    }

    /** The damaged copy of {@code intact}. */
    public byte[] apply(byte[] intact) {
        try {
            return switch (this) {
                case ENTRIES_REVERSED -> rewritten(intact, true, false);
                case MIMETYPE_DEFLATED -> rewritten(intact, false, true);
                case CENTRAL_DIRECTORY_REMOVED -> Arrays.copyOf(intact, (int) end(intact).cenOffset);
                case CENTRAL_DIRECTORY_CUT -> {
                    End end = end(intact);
                    yield Arrays.copyOf(intact, (int) (end.cenOffset + end.cenLength / 2));
                }
                case END_RECORD_WRONG -> {
                    End end = end(intact);
                    byte[] out = intact.clone();
                    le(out).putInt(end.position + 16, (int) (end.cenOffset + 7));
                    yield out;
                }
                case LOCAL_OFFSETS_WRONG -> localOffsetsWrong(intact);
                case REVERSED_WITHOUT_CENTRAL_DIRECTORY -> {
                    byte[] reversed = rewritten(intact, true, false);
                    yield Arrays.copyOf(reversed, (int) end(reversed).cenOffset);
                }
                case STARTXREF_WRONG -> startxrefWrong(intact);
                case XREF_OVERWRITTEN -> xrefOverwritten(intact);
                case OFFSETS_SHIFTED -> offsetsShifted(intact);
                case TRAILER_WITHOUT_ROOT -> trailerWithoutRoot(intact);
                case XREF_AND_TRAILER_CUT -> Arrays.copyOf(intact, lastXrefSection(intact));
                case CUT_INSIDE_XREF -> {
                    int section = lastXrefSection(intact);
                    yield Arrays.copyOf(intact, section + (lastIndexOf(intact, "startxref", intact.length) - section) / 2);
                }
                case CUT_TO_5_PERCENT -> Arrays.copyOf(intact, Math.max(16, intact.length / 20));
                case NOISE_AFTER_HEADER -> noiseAfterHeader(intact);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ZIP

    /** Where the end-of-central-directory record is and what it says. */
    private record End(int position, long cenLength, long cenOffset) {
    }

    private static End end(byte[] zip) {
        ByteBuffer b = le(zip);
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (b.getInt(i) == 0x06054b50) {
                return new End(i, Integer.toUnsignedLong(b.getInt(i + 12)), Integer.toUnsignedLong(b.getInt(i + 16)));
            }
        }
        throw new IllegalArgumentException("not a ZIP: no end record");
    }

    /** The archive written again by {@link ZipOutputStream}, each entry's time and method kept. */
    private static byte[] rewritten(byte[] zip, boolean reverse, boolean deflateMimetype) throws IOException {
        record Part(ZipEntry entry, byte[] data) {
        }
        List<Part> parts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.add(new Part(e, in.readAllBytes()));
            }
        }
        if (reverse) {
            Collections.reverse(parts);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Part p : parts) {
                ZipEntry e = new ZipEntry(p.entry().getName());
                e.setTime(p.entry().getTime());
                boolean mimetype = p.entry().getName().equals("mimetype");
                boolean stored = p.entry().getMethod() == ZipEntry.STORED && !(mimetype && deflateMimetype);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(p.data());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(p.data().length);
                    e.setCompressedSize(p.data().length);
                    e.setCrc(crc.getValue());
                } else {
                    e.setMethod(ZipEntry.DEFLATED);
                }
                out.putNextEntry(e);
                out.write(p.data());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] localOffsetsWrong(byte[] zip) {
        End end = end(zip);
        byte[] out = zip.clone();
        ByteBuffer b = le(out);
        int i = (int) end.cenOffset;
        while (i + 46 <= end.position && b.getInt(i) == 0x02014b50) {
            b.putInt(i + 42, b.getInt(i + 42) + 3);
            i += 46 + Short.toUnsignedInt(b.getShort(i + 28)) + Short.toUnsignedInt(b.getShort(i + 30))
                    + Short.toUnsignedInt(b.getShort(i + 32));
        }
        return out;
    }

    // PDF

    private static byte[] startxrefWrong(byte[] pdf) {
        int at = lastIndexOf(pdf, "startxref", pdf.length);
        int digits = skipWhitespace(pdf, at + "startxref".length());
        byte[] out = pdf.clone();
        // the same number of digits, so nothing else moves: a wrong offset, not a different file
        for (int i = digits; i < out.length && Character.isDigit(out[i]); i++) {
            out[i] = (byte) (i == digits ? '1' : '7');
        }
        return out;
    }

    private static byte[] xrefOverwritten(byte[] pdf) {
        int section = lastXrefSection(pdf);
        int from;
        int to;
        if (startsWith(pdf, section, "xref")) {
            from = section + 4;
            to = indexOf(pdf, "trailer", from);
        } else {
            from = indexOf(pdf, "stream", section) + "stream".length();
            to = indexOf(pdf, "endstream", from);
        }
        byte[] out = pdf.clone();
        Random noise = new Random(from);
        for (int i = from + 1; i < to - 1; i++) {
            out[i] = (byte) ('0' + noise.nextInt(10));
        }
        return out;
    }

    private static byte[] offsetsShifted(byte[] pdf) {
        int header = indexOf(pdf, "\n", 0) + 1;
        byte[] junk = new byte[1000];
        Arrays.fill(junk, (byte) ' ');
        junk[0] = '%';
        junk[junk.length - 1] = '\n';
        byte[] out = new byte[pdf.length + junk.length];
        System.arraycopy(pdf, 0, out, 0, header);
        System.arraycopy(junk, 0, out, header, junk.length);
        System.arraycopy(pdf, header, out, header + junk.length, pdf.length - header);
        return out;
    }

    private static byte[] trailerWithoutRoot(byte[] pdf) {
        int root = indexOf(pdf, "/Root", lastXrefSection(pdf));
        if (root < 0) {
            root = lastIndexOf(pdf, "/Root", pdf.length); // a linearized file names it in its first page's trailer
        }
        byte[] out = pdf.clone();
        byte[] renamed = "/Rxxx".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(renamed, 0, out, root, renamed.length);
        return out;
    }

    /**
     * Where the last cross-reference section in the file starts: the {@code xref} keyword of a table, or the
     * object holding a cross-reference stream. Not always where {@code startxref} points: in a linearized file
     * it points at the first page's section, near the start.
     */
    private static int lastXrefSection(byte[] pdf) {
        int last = -1;
        for (int i = pdf.length - 5; i > 0; i--) {
            boolean table = startsWith(pdf, i, "xref") && (pdf[i - 1] == '\n' || pdf[i - 1] == '\r')
                    && i + 4 < pdf.length && Character.isWhitespace(pdf[i + 4]);
            boolean stream = startsWith(pdf, i, "/XRef") && (i + 5 == pdf.length || !Character.isLetterOrDigit(pdf[i + 5]));
            if (table) {
                last = i;
                break;
            }
            if (stream) {
                last = objectStart(pdf, lastIndexOf(pdf, " obj", i));
                break;
            }
        }
        if (last <= 0) {
            throw new IllegalArgumentException("no cross-reference section");
        }
        return last;
    }

    /** Where the object whose {@code obj} keyword is at {@code obj} starts: its number and generation. */
    private static int objectStart(byte[] pdf, int obj) {
        int i = obj;
        for (int numbers = 0; numbers < 2; numbers++) {
            while (i > 0 && pdf[i - 1] == ' ') {
                i--;
            }
            while (i > 0 && Character.isDigit(pdf[i - 1])) {
                i--;
            }
        }
        return i;
    }

    // both

    private static byte[] noiseAfterHeader(byte[] intact) {
        byte[] header = startsWith(intact, 0, "%PDF-") ? Arrays.copyOf(intact, indexOf(intact, "\n", 0) + 1)
                : new byte[] {'P', 'K', 3, 4};
        byte[] out = Arrays.copyOf(header, header.length + 64 * 1024);
        byte[] noise = new byte[64 * 1024];
        new Random(intact.length).nextBytes(noise);
        System.arraycopy(noise, 0, out, header.length, noise.length);
        return out;
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int indexOf(byte[] b, String s, int from) {
        byte[] n = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = Math.max(0, from); i + n.length <= b.length; i++) {
            if (startsWith(b, i, n)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, String s, int before) {
        byte[] n = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = Math.min(before, b.length) - n.length; i >= 0; i--) {
            if (startsWith(b, i, n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + s);
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        return startsWith(b, at, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] b, int at, byte[] n) {
        if (at < 0 || at + n.length > b.length) {
            return false;
        }
        for (int j = 0; j < n.length; j++) {
            if (b[at + j] != n[j]) {
                return false;
            }
        }
        return true;
    }

    private static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\r' || b[i] == '\n' || b[i] == '\t')) {
            i++;
        }
        return i;
    }
}
