package vn.hoclieu.ingest.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import vn.hoclieu.catalog.Reason;

/**
 * Tells a ZIP bomb from a large archive before any parser opens it: inflates the archive — and
 * the archives inside it, level by level — into nothing, counting, and stops as soon as it has
 * unpacked more than {@value #RATIO} times its own size and at least {@value #MIN_BYTES_MB} MB, or
 * finds archives nested more than {@value #MAX_DEPTH} deep. A real archive of pictures or videos
 * unpacks to about its own size and passes; a bomb (42.zip: 42 KB, 4.5 PB) is caught after a
 * fraction of a second. Applies to every ZIP container: Office and OpenDocument files, EPUB, SCORM.
 */
final class ZipBombs {

    static final int RATIO = 100;
    static final int MIN_BYTES_MB = 100;
    static final int MAX_DEPTH = 5;

    private ZipBombs() {
    }

    /** What a bomb means for the file: it is stored but not read, or a bulk import of it is refused. */
    enum Use { READ, IMPORT }

    /**
     * Why the file is refused as a bomb, as a {@link Reason}; empty for a file that is not a ZIP, a
     * damaged one (for the parser to say), or a fine one.
     */
    static Optional<String> check(Path file, Use use) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            if (!isZip(raw)) {
                return Optional.empty();
            }
            long budget = Math.max(Files.size(file) * RATIO, (long) MIN_BYTES_MB << 20);
            walk(new ZipInputStream(raw), 0, new long[] {budget});
            return Optional.empty();
        } catch (Bomb bomb) {
            if (use == Use.IMPORT) {
                return Optional.of(bomb.deep ? Reason.of("reason.import.zipBomb.deep", MAX_DEPTH)
                        : Reason.of("reason.import.zipBomb.ratio", RATIO, MIN_BYTES_MB));
            }
            return Optional.of(bomb.deep ? Reason.of("reason.zipBomb.deep", MAX_DEPTH)
                    : Reason.of("reason.zipBomb.ratio", RATIO, MIN_BYTES_MB));
        } catch (IOException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    private static boolean isZip(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static void walk(ZipInputStream zip, int depth, long[] budget) throws IOException {
        while (zip.getNextEntry() != null) {
            PushbackInputStream entry = new PushbackInputStream(new Counting(zip, budget), 4);
            byte[] magic = entry.readNBytes(4);
            entry.unread(magic);
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                if (depth + 1 > MAX_DEPTH) {
                    throw new Bomb(true);
                }
                walk(new ZipInputStream(entry), depth + 1, budget);
            } else {
                entry.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** Counts what is inflated against the budget; does not close the archive beneath it. */
    private static final class Counting extends FilterInputStream {
        private final long[] budget;

        Counting(InputStream in, long[] budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        private void spend(long n) throws Bomb {
            budget[0] -= n;
            if (budget[0] < 0) {
                throw new Bomb(false);
            }
        }

        @Override
        public void close() {
            // the entry ends here; the archive goes on
        }
    }

    private static final class Bomb extends IOException {
        final boolean deep;

        Bomb(boolean deep) {
            super(deep ? "nested too deep" : "unpacks too much");
            this.deep = deep;
        }
    }
}
