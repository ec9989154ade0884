package vn.hoclieu.ingest.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import vn.hoclieu.catalog.Reason;

/**
 * Tells a ZIP bomb from a large archive before any parser opens it: inflates the archive — and
 * the archives inside it, level by level — into nothing, counting, and stops as soon as it has
 * unpacked more than {@value #RATIO} times its own size and at least {@value #MIN_BYTES_MB} MB, or
 * finds archives nested more than {@value #MAX_DEPTH} deep. A real archive of pictures or videos
 * unpacks to about its own size and passes; a bomb (42.zip: 42 KB, 4.5 PB) is caught after a
 * fraction of a second. Applies to every ZIP container: Office and OpenDocument files, EPUB, SCORM.
 *
 * <p>It reads an archive the way the code that later unpacks it does ({@link java.util.zip.ZipFile}:
 * the central directory; {@link SafeZip}, SCORM packages, their serving and the thumbnails all read
 * that way), after {@link ZipStructure} has checked that the local headers a streaming reader would
 * follow say the same: overlapping entries (the non-recursive bomb, thousands of entries sharing one
 * compressed kernel), headers that disagree with the central directory, data descriptors that hide
 * other sizes, entries listed nowhere, and more than {@value #MAX_ENTRIES} entries are refused outright,
 * without inflating anything. Each entry must then inflate to exactly the size it declares. Only a
 * file whose central directory cannot be followed at all (missing, cut short, pointing nowhere) is read
 * as a stream of local headers, which is all that any reader can make of it — and what {@link ZipRepair}
 * rebuilds such an archive from.
 */
final class ZipBombs {

    static final int RATIO = 100;
    static final int MIN_BYTES_MB = 100;
    static final int MAX_DEPTH = 5;
    /** Entries an archive may list: far above an Office file's or a course's, far below a bomb's 65,534. */
    static final int MAX_ENTRIES = 50_000;

    private ZipBombs() {
    }

    /** What a bomb means for the file: it is stored but not read, or a bulk import of it is refused. */
    enum Use { READ, IMPORT }

    /**
     * Why the file is refused as a bomb, as a {@link Reason}; empty for a file that is not a ZIP, a
     * damaged one (for the parser to say), or a fine one.
     */
    static Optional<String> check(Path file, Use use) {
        String prefix = use == Use.IMPORT ? "reason.import.zipBomb." : "reason.zipBomb.";
        try {
            check(file, 0, new long[] {budget(file)});
            return Optional.empty();
        } catch (Bomb bomb) {
            return Optional.of(bomb.deep ? Reason.of(prefix + "deep", MAX_DEPTH)
                    : Reason.of(prefix + "ratio", RATIO, MIN_BYTES_MB));
        } catch (ZipStructure.Hostile hostile) {
            return Optional.of(reason(hostile, use));
        } catch (IOException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /** How many bytes an archive of this size may unpack to in all, nested archives included. */
    static long budget(Path file) throws IOException {
        return Math.max(Files.size(file) * RATIO, (long) MIN_BYTES_MB << 20);
    }

    /** Why a hostile layout is refused, as a {@link Reason}. */
    static String reason(ZipStructure.Hostile hostile, Use use) {
        String prefix = use == Use.IMPORT ? "reason.import.zipBomb." : "reason.zipBomb.";
        return switch (hostile.flaw) {
            case OVERLAP -> Reason.of(prefix + "overlap");
            case INCONSISTENT -> Reason.of(prefix + "inconsistent");
            case TOO_MANY_ENTRIES -> Reason.of(prefix + "entries", MAX_ENTRIES);
        };
    }

    /** Why an archive that unpacks to more than its budget is not read, as a {@link Reason}. */
    static String ratioReason() {
        return Reason.of("reason.zipBomb.ratio", RATIO, MIN_BYTES_MB);
    }

    /** One archive, at {@code depth}: its layout, then every entry inflated as ZipFile inflates it. */
    private static void check(Path file, int depth, long[] budget) throws IOException {
        List<ZipStructure.Entry> layout = ZipStructure.read(file, MAX_ENTRIES);
        if (layout == null) {
            // no central directory: only a streaming reader can read anything, so read it that way
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
                if (isZip(raw)) {
                    walk(new ZipInputStream(raw), depth, budget);
                }
            }
            return;
        }
        try (ZipFile zip = open(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    inflate(in, entry, depth, budget);
                }
            }
        }
    }

    /** Counts an entry's bytes; an archive inside is checked in its turn, from a temporary copy. */
    private static void inflate(InputStream in, ZipEntry entry, int depth, long[] budget) throws IOException {
        Counting counted = new Counting(in, budget);
        PushbackInputStream data = new PushbackInputStream(counted, 4);
        byte[] magic = data.readNBytes(4);
        data.unread(magic);
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            if (depth + 1 > MAX_DEPTH) {
                throw new Bomb(true);
            }
            // its bytes are counted as they are written: the copy is never larger than the budget allows
            Path inner = Files.createTempFile("hoclieu-zipcheck-", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(inner)) {
                    data.transferTo(out);
                }
                sizeAsDeclared(entry, counted.read);
                check(inner, depth + 1, budget);
            } finally {
                Files.deleteIfExists(inner);
            }
        } else {
            data.transferTo(OutputStream.nullOutputStream());
            sizeAsDeclared(entry, counted.read);
        }
    }

    private static void sizeAsDeclared(ZipEntry entry, long inflated) throws ZipStructure.Hostile {
        if (entry.getSize() >= 0 && inflated != entry.getSize()) {
            throw new ZipStructure.Hostile(ZipStructure.Flaw.INCONSISTENT, entry.getName() + " inflates to "
                    + inflated + " bytes, not the " + entry.getSize() + " it declares");
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notUtf8Names) {
            return new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1); // as SCORM packages are opened
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
        long read;

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
            read += n;
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
