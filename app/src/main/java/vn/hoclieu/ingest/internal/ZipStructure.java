package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of a ZIP as {@link java.util.zip.ZipFile} reads it — the end record found from the end of
 * the file (with the JDK's own tolerance of trailing bytes and its ZIP64 rules), the central directory,
 * each entry's local header and data — checked for the constructions that make two readers of one
 * archive see different things, or that make a small archive unpack to a huge one:
 * <ul>
 * <li>entries whose bytes overlap another entry's or the central directory (the "non-recursive ZIP bomb":
 *     thousands of central entries sharing one compressed kernel);</li>
 * <li>a local header that disagrees with its central entry (name, method, sizes, CRC), or a data
 *     descriptor that does not say what the central directory says: a streaming reader
 *     ({@link java.util.zip.ZipInputStream}, Tika's) would then read other bytes than the central one;</li>
 * <li>local headers in the gaps between the listed entries: entries a streaming reader sees and the
 *     central directory does not list.</li>
 * </ul>
 * Reads headers only (never inflates); its cost grows with the number of entries, not their sizes.
 *
 * <p>A central directory that <em>disagrees</em> with the local headers is hostile: a reader that follows
 * it reaches data, and that data is not what a streaming reader sees. A central directory that is merely
 * <em>damaged</em> — missing, cut short, or with every entry pointing at bytes that are no local header
 * (offsets shifted by a bad copy or a repair tool) — lets no reader reach any entry through it: the local
 * headers are then the only reading there is, and {@link ZipRepair} can rebuild the archive from them. So a
 * directory whose entries all miss is damaged ({@link #read} answers null), while one where some entries
 * lead to their local header and others lead nowhere is a disagreement (two readers, two sets of files).
 */
final class ZipStructure {

    // the record signatures and the ZIP64 marker, shared with ZipRepair, which rebuilds what this reads
    static final int LOC = 0x04034b50;
    static final int CEN = 0x02014b50;
    static final int END = 0x06054b50;
    static final int END64_LOCATOR = 0x07064b50;
    static final int END64 = 0x06064b50;
    static final int DESCRIPTOR = 0x08074b50;
    static final long MAGIC32 = 0xFFFFFFFFL;
    private static final int MAGIC16 = 0xFFFF;

    /** What is wrong with an archive's layout. */
    enum Flaw { OVERLAP, INCONSISTENT, TOO_MANY_ENTRIES }

    /** The archive's layout is hostile. */
    static final class Hostile extends IOException {
        final Flaw flaw;

        Hostile(Flaw flaw, String detail) {
            super(flaw + ": " + detail);
            this.flaw = flaw;
        }
    }

    /** One central entry with where its bytes lie in the file. */
    record Entry(String name, long compressedSize, long size, long start, long end) {
    }

    private ZipStructure() {
    }

    /**
     * The entries of the archive in central-directory order, after checking its layout.
     *
     * @return null when the file has no central directory that a reader could follow to any entry: not a
     *         ZIP, or a damaged one (missing, cut short, every entry pointing at something other than a
     *         local header)
     * @throws Hostile for overlapping or inconsistent entries, or more than {@code maxEntries}
     */
    static List<Entry> read(Path file, int maxEntries) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, maxEntries);
        }
    }

    private static List<Entry> read(FileChannel ch, int maxEntries) throws IOException {
        long length = ch.size();
        long[] end = findEnd(ch, length);
        if (end == null) {
            return null;
        }
        long cenLength = end[0];
        long cenOffset = end[1];
        long endPos = end[2];
        long cenPos = endPos - cenLength;
        long base = cenPos - cenOffset; // bytes before the first entry (a self-extractor's stub): ZipFile allows it
        if (cenPos < 0 || base < 0 || cenLength > Integer.MAX_VALUE - 8) {
            return null;
        }
        ByteBuffer cen = at(ch, cenPos, (int) cenLength);
        if (cen == null) {
            return null;
        }
        List<Central> listed = new ArrayList<>();
        int i = 0;
        while (i + 46 <= cenLength) {
            if (cen.getInt(i) != CEN) {
                return null; // ZipFile: "invalid CEN header (bad signature)"
            }
            if (listed.size() == maxEntries) {
                throw new Hostile(Flaw.TOO_MANY_ENTRIES, "more than " + maxEntries + " entries");
            }
            int flags = u16(cen, i + 8);
            int method = u16(cen, i + 10);
            long crc = u32(cen, i + 16);
            long csize = u32(cen, i + 20);
            long usize = u32(cen, i + 24);
            int nameLength = u16(cen, i + 28);
            int extraLength = u16(cen, i + 30);
            int commentLength = u16(cen, i + 32);
            long offset = u32(cen, i + 42);
            if (i + 46L + nameLength + extraLength + commentLength > cenLength) {
                return null;
            }
            byte[] name = bytes(cen, i + 46, nameLength);
            long[] wide = zip64(cen, i + 46 + nameLength, extraLength, usize == MAGIC32, csize == MAGIC32,
                    offset == MAGIC32);
            usize = wide[0] >= 0 ? wide[0] : usize;
            csize = wide[1] >= 0 ? wide[1] : csize;
            offset = wide[2] >= 0 ? wide[2] : offset;
            listed.add(new Central(name, flags, method, crc, csize, usize, base + offset));
            i += 46 + nameLength + extraLength + commentLength;
        }
        int reachable = 0;
        for (Central c : listed) {
            if (c.loc() >= 0 && signature(ch, c.loc()) == LOC) {
                reachable++;
            }
        }
        if (reachable == 0 && !listed.isEmpty()) {
            return null; // damaged: no entry can be reached through it, only the local headers can be read
        }
        List<Entry> entries = new ArrayList<>(listed.size());
        for (Central c : listed) {
            entries.add(entry(ch, length, c.loc(), c.name(), c.flags(), c.method(), c.crc(), c.csize(), c.usize()));
        }
        checkExtents(ch, entries, cenPos, base);
        return entries;
    }

    /** What one central entry says, before its local header is checked. */
    private record Central(byte[] name, int flags, int method, long crc, long csize, long usize, long loc) {
    }

    /** Reads and checks one entry's local header and, where it has one, its data descriptor. */
    private static Entry entry(FileChannel ch, long length, long loc, byte[] name, int flags, int method, long crc,
                               long csize, long usize) throws IOException {
        String shown = new String(name, StandardCharsets.ISO_8859_1);
        ByteBuffer local = loc < 0 ? null : at(ch, loc, 30);
        if (local == null || local.getInt(0) != LOC) {
            throw new Hostile(Flaw.INCONSISTENT, shown + ": no local header where the central directory points");
        }
        int localFlags = u16(local, 6);
        int localMethod = u16(local, 8);
        long localCrc = u32(local, 14);
        long localCsize = u32(local, 18);
        long localUsize = u32(local, 22);
        int nameLength = u16(local, 26);
        int extraLength = u16(local, 28);
        ByteBuffer rest = at(ch, loc + 30, nameLength + extraLength);
        if (rest == null) {
            throw new Hostile(Flaw.INCONSISTENT, shown + ": local header cut short");
        }
        if (!Arrays.equals(bytes(rest, 0, nameLength), name) || localMethod != method) {
            throw new Hostile(Flaw.INCONSISTENT, shown + ": local header names another entry or method");
        }
        long[] wide = zip64(rest, nameLength, extraLength, localUsize == MAGIC32, localCsize == MAGIC32, false);
        localUsize = wide[0] >= 0 ? wide[0] : localUsize;
        localCsize = wide[1] >= 0 ? wide[1] : localCsize;
        long data = loc + 30 + nameLength + extraLength;
        long dataEnd = data + csize;
        if (csize < 0 || dataEnd > length) {
            throw new Hostile(Flaw.INCONSISTENT, shown + ": data beyond the end of the file");
        }
        boolean described = (localFlags & 8) != 0;
        long end = dataEnd;
        if (!described) {
            if (localCrc != crc || localCsize != csize || localUsize != usize) {
                throw new Hostile(Flaw.INCONSISTENT, shown + ": local sizes " + localCsize + "/" + localUsize
                        + " differ from the central " + csize + "/" + usize);
            }
        } else {
            boolean zeros = localCrc == 0 && localCsize == 0 && localUsize == 0;
            boolean same = localCrc == crc && localCsize == csize && localUsize == usize;
            if (!zeros && !same) {
                throw new Hostile(Flaw.INCONSISTENT, shown + ": local sizes differ from the central ones");
            }
            end = descriptorEnd(ch, dataEnd, crc, csize, usize);
            if (end < 0) {
                throw new Hostile(Flaw.INCONSISTENT, shown + ": its data descriptor does not say what the central"
                        + " directory says");
            }
        }
        return new Entry(shown, csize, usize, loc, end);
    }

    /** Where the data descriptor after {@code at} ends, if it matches the central values; -1 if none does. */
    private static long descriptorEnd(FileChannel ch, long at, long crc, long csize, long usize) throws IOException {
        ByteBuffer b = at(ch, at, 24);
        if (b == null) {
            b = at(ch, at, 12);
            if (b == null) {
                return -1;
            }
        }
        int limit = b.capacity();
        for (int skip : new int[] {4, 0}) { // with or without its optional signature
            if (skip == 4 && b.getInt(0) != DESCRIPTOR) {
                continue;
            }
            if (skip + 12 <= limit && u32(b, skip) == crc && u32(b, skip + 4) == csize && u32(b, skip + 8) == usize) {
                return at + skip + 12;
            }
            if (skip + 20 <= limit && u32(b, skip) == crc && b.getLong(skip + 4) == csize
                    && b.getLong(skip + 12) == usize) {
                return at + skip + 20;
            }
        }
        return -1;
    }

    /**
     * No two entries share a byte, none reaches into the central directory, and no local header hides in
     * the gaps between them (nor before the first): what a streaming reader meets is what is listed.
     */
    private static void checkExtents(FileChannel ch, List<Entry> entries, long cenPos, long base) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::start));
        long previousEnd = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.start() < previousEnd) {
                throw new Hostile(Flaw.OVERLAP, e.name() + " overlaps " + previous);
            }
            if (previous == null ? hasLocalHeader(ch, 0, e.start()) : hasLocalHeader(ch, previousEnd, e.start())) {
                throw new Hostile(Flaw.INCONSISTENT, "an entry not in the central directory before " + e.name());
            }
            previousEnd = e.end();
            previous = e.name();
        }
        if (previousEnd > cenPos) {
            throw new Hostile(Flaw.OVERLAP, previous + " overlaps the central directory");
        }
        if (hasLocalHeader(ch, previous == null ? base : previousEnd, cenPos)) {
            throw new Hostile(Flaw.INCONSISTENT, "an entry not in the central directory after " + previous);
        }
    }

    /** Whether a local header signature starts anywhere in [from, to). */
    private static boolean hasLocalHeader(FileChannel ch, long from, long to) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (long pos = from; pos + 4 <= to; pos += b.capacity() - 3) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), to - pos));
            int n = readFully(ch, b, pos);
            for (int i = 0; i + 4 <= n; i++) {
                if (b.getInt(i) == LOC) {
                    return true;
                }
            }
            if (n < 4) {
                return false;
            }
        }
        return false;
    }

    /**
     * {cenLength, cenOffset, endPos} as {@code ZipFile} finds them: the last end record whose comment
     * reaches the end of the file, or one whose central directory and first local header are where it says;
     * then the ZIP64 end record when its locator is there and agrees.
     */
    private static long[] findEnd(FileChannel ch, long length) throws IOException {
        if (length < 22) {
            return null;
        }
        int window = (int) Math.min(length, 0xFFFF + 22);
        ByteBuffer tail = at(ch, length - window, window);
        for (int i = window - 22; i >= 0; i--) {
            if (tail.getInt(i) != END) {
                continue;
            }
            long endPos = length - window + i;
            long total = u16(tail, i + 10);
            long cenLength = u32(tail, i + 12);
            long cenOffset = u32(tail, i + 16);
            int commentLength = u16(tail, i + 20);
            if (endPos + 22 + commentLength != length) {
                long cenPos = endPos - cenLength;
                long locPos = cenPos - cenOffset;
                if (cenPos < 0 || locPos < 0 || signature(ch, cenPos) != CEN || signature(ch, locPos) != LOC) {
                    continue;
                }
            }
            ByteBuffer locator = endPos < 20 ? null : at(ch, endPos - 20, 20);
            if (locator != null && locator.getInt(0) == END64_LOCATOR) {
                long end64Pos = locator.getLong(8);
                ByteBuffer end64 = end64Pos < 0 ? null : at(ch, end64Pos, 56);
                if (end64 != null && end64.getInt(0) == END64) {
                    long total64 = end64.getLong(32);
                    long cenLength64 = end64.getLong(40);
                    long cenOffset64 = end64.getLong(48);
                    if ((cenLength64 == cenLength || cenLength == MAGIC32)
                            && (cenOffset64 == cenOffset || cenOffset == MAGIC32)
                            && (total64 == total || total == MAGIC16)) {
                        return new long[] {cenLength64, cenOffset64, end64Pos};
                    }
                }
            }
            return new long[] {cenLength, cenOffset, endPos};
        }
        return null;
    }

    /** {usize, csize, offset} from a ZIP64 extra field, each -1 where not asked for or absent. */
    private static long[] zip64(ByteBuffer b, int from, int length, boolean usize, boolean csize, boolean offset) {
        long[] out = {-1, -1, -1};
        int i = from;
        int end = from + length;
        while (i + 4 <= end) {
            int id = u16(b, i);
            int size = u16(b, i + 2);
            if (id == 0x0001) {
                int at = i + 4;
                int stop = Math.min(end, at + size);
                if (usize && at + 8 <= stop) {
                    out[0] = b.getLong(at);
                    at += 8;
                }
                if (csize && at + 8 <= stop) {
                    out[1] = b.getLong(at);
                    at += 8;
                }
                if (offset && at + 8 <= stop) {
                    out[2] = b.getLong(at);
                }
                return out;
            }
            i += 4 + size;
        }
        return out;
    }

    private static int signature(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = at(ch, pos, 4);
        return b == null ? 0 : b.getInt(0);
    }

    /** {@code n} bytes at {@code pos}, little-endian; null when the file ends before. */
    private static ByteBuffer at(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        return readFully(ch, b, pos) == n ? b.clear() : null;
    }

    private static int readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static int u16(ByteBuffer b, int i) {
        return Short.toUnsignedInt(b.getShort(i));
    }

    private static long u32(ByteBuffer b, int i) {
        return Integer.toUnsignedLong(b.getInt(i));
    }

    private static byte[] bytes(ByteBuffer b, int from, int n) {
        byte[] out = new byte[n];
        b.get(from, out);
        return out;
    }
}
