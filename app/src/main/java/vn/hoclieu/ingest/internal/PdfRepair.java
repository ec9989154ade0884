package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A copy of a PDF whose cross-reference data PDFBox could not use, with that data taken out of play, so
 * that PDFBox rebuilds the table from the objects themselves.
 *
 * <p>PDFBox's lenient parser, which Tika uses, already scans the file for objects when the
 * cross-reference table is missing or its offsets are wrong. But when a cross-reference <em>stream</em>
 * (PDF 1.5 and later: pdfTeX, LibreOffice and most tools write one) is present and broken, it trusts what
 * is left of it and gives up ("Missing root object specification in trailer"). The copy has the same bytes
 * and the same length, with two keywords changed: {@code startxref} at the start of a line becomes a
 * comment ({@code %tartxref}), and the name {@code /XRef} becomes {@code /XReX}, so that no
 * cross-reference stream is found. PDFBox then finds the objects, the object streams and the catalogue by
 * scanning. Nothing is added: what the copy shows is only what the file holds.
 */
final class PdfRepair {

    private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XREF_NAME = "/XRef".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 1 << 20;
    /** Longer than a keyword with the byte before and after it: a keyword across two blocks is seen whole in one. */
    private static final int OVERLAP = 16;

    private PdfRepair() {
    }

    /** Writes to {@code copy} the PDF {@code damaged} without its cross-reference data. */
    static void withoutCrossReferences(Path damaged, Path copy) throws IOException {
        Files.copy(damaged, copy, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            for (long start = 0; start < size; start += BLOCK - OVERLAP) {
                block.clear();
                while (block.hasRemaining() && ch.read(block, start + block.position()) > 0) {
                    // read the whole block, or up to the end of the file
                }
                byte[] b = block.array();
                int n = block.position();
                boolean last = start + n >= size;
                // a keyword at a block's first byte, or without the byte after it, is judged whole in the other block
                for (int i = 0; i < n; i++) {
                    if (startsWith(b, n, i, STARTXREF) && (i == 0 ? start == 0 : isLineEnd(b[i - 1]))) {
                        ch.write(ByteBuffer.wrap(new byte[] {'%'}), start + i);
                    } else if (startsWith(b, n, i, XREF_NAME) && (i + XREF_NAME.length == n ? last
                            : isDelimiter(b[i + XREF_NAME.length]))) {
                        ch.write(ByteBuffer.wrap(new byte[] {'X'}), start + i + XREF_NAME.length - 1);
                    }
                }
                if (last) {
                    break;
                }
            }
        }
    }

    /**
     * Whether the file ends before its {@code %%EOF} marker: no marker in its last kilobyte (writers put it
     * last, some with a little padding after). Such a file was cut short — an interrupted download or copy —
     * and whatever PDFBox reads of it may lack pages.
     */
    static boolean isCutShort(Path pdf) {
        try (FileChannel ch = FileChannel.open(pdf, StandardOpenOption.READ)) {
            int n = (int) Math.min(1024, ch.size());
            ByteBuffer tail = ByteBuffer.allocate(n);
            while (tail.hasRemaining() && ch.read(tail, ch.size() - n + tail.position()) > 0) {
                // read the whole tail
            }
            String end = new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1);
            return !end.contains("%%EOF");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int n, int at, byte[] word) {
        if (at + word.length > n) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            if (b[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLineEnd(byte c) {
        return c == '\n' || c == '\r';
    }

    /** White space or a delimiter: where a PDF name ends (ISO 32000-1, 7.2.2). */
    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 || c == '/' || c == '<'
                || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}' || c == '%';
    }
}
