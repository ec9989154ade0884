package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import vn.hoclieu.catalog.Reason;

/**
 * Rebuilds a ZIP container — EPUB, Office Open XML, OpenDocument, a plain archive — whose central
 * directory cannot be followed (missing, cut short, or pointing nowhere: {@link ZipStructure}) from its
 * local headers, which are then the only reading the file has. Tika reads such files only sometimes (its
 * OpenDocument parser never): the rebuilt copy, with a sound central directory and {@code mimetype} first,
 * is read like any intact file.
 *
 * <p>Never more than the content. Every entry must be whole — its data inflates to exactly the size and
 * CRC its header or data descriptor declares — and the entries must follow each other from the first byte
 * to a central directory record or to the end of the file. An archive cut inside an entry, or with bytes
 * between its entries that are neither an entry nor a central directory, has lost content: it is not
 * rebuilt, and the reason says where. (An archive cut exactly between two entries cannot be told from one
 * that lost only its central directory: nothing left in the file says how many entries there were.)
 *
 * <p>The copy holds each entry's compressed bytes as they are (nothing is compressed again) behind a fresh
 * local header, {@code mimetype} first (EPUB and OpenDocument readers look for it there), the others in
 * file order, then a central directory that says exactly what the local headers say. Each entry is
 * inflated once, into nothing, to check it, against {@link ZipBombs}' budget; more entries than it allows,
 * or two entries of one name (each reader would pick one of them), are refused as hostile.
 */
final class ZipRepair {

    private static final int LOC = ZipStructure.LOC;
    private static final int CEN = ZipStructure.CEN;
    private static final int END = ZipStructure.END;
    private static final int END64 = ZipStructure.END64;
    private static final int END64_LOCATOR = ZipStructure.END64_LOCATOR;
    private static final int DESCRIPTOR = ZipStructure.DESCRIPTOR;
    private static final long MAGIC32 = ZipStructure.MAGIC32;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int UTF8_NAMES = 0x800;

    /** The archive cannot be rebuilt without losing content, or without guessing. */
    static final class Unrepairable extends IOException {
        private final String reason;

        Unrepairable(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        /** Why, as a {@link Reason}. */
        String reason() {
            return reason;
        }
    }

    /** One entry found in the local headers, checked whole. */
    private record Part(byte[] name, int flags, int method, int time, int date, long crc, long csize, long usize,
                        long data) {

        boolean isMimetype() {
            return new String(name, StandardCharsets.ISO_8859_1).equals("mimetype");
        }
    }

    /** What inflating one entry gave: compressed bytes used, bytes produced, their CRC. */
    private record Checked(long consumed, long produced, long crc) {
    }

    private ZipRepair() {
    }

    /** Whether the file is a ZIP — a local header at its first byte — whose central directory cannot be followed. */
    static boolean needed(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer magic = at(ch, 0, 4);
            if (magic == null || magic.getInt(0) != LOC) {
                return false;
            }
        }
        try {
            return ZipStructure.read(file, ZipBombs.MAX_ENTRIES) == null;
        } catch (ZipStructure.Hostile hostile) {
            return false; // not damaged but hostile: the bomb check refuses it
        }
    }

    /**
     * Writes to {@code copy} the archive rebuilt from the local headers of {@code damaged}.
     *
     * @throws Unrepairable when content is lost or an entry cannot be checked
     * @throws ZipStructure.Hostile for too many entries or two entries of one name
     */
    static void rebuild(Path damaged, Path copy) throws IOException {
        try (FileChannel in = FileChannel.open(damaged, StandardOpenOption.READ)) {
            List<Part> parts = walk(in, ZipBombs.budget(damaged));
            write(in, parts, copy);
        }
    }

    /** The entries from the first byte on, each checked, up to a central directory record or the end of the file. */
    private static List<Part> walk(FileChannel in, long budget) throws IOException {
        long length = in.size();
        List<Part> parts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long spent = 0;
        long pos = 0;
        while (pos < length) {
            ByteBuffer signature = at(in, pos, 4);
            int sig = signature == null ? 0 : signature.getInt(0);
            if (sig == CEN || sig == END || sig == END64 || sig == END64_LOCATOR) {
                break; // what is left of the central directory: every entry is before it
            }
            ByteBuffer h = sig == LOC ? at(in, pos, 30) : null;
            if (h == null) {
                throw garbled(pos);
            }
            if (parts.size() == ZipBombs.MAX_ENTRIES) {
                throw new ZipStructure.Hostile(ZipStructure.Flaw.TOO_MANY_ENTRIES,
                        "more than " + ZipBombs.MAX_ENTRIES + " entries");
            }
            int flags = u16(h, 6);
            int method = u16(h, 8);
            long crc = u32(h, 14);
            long csize = u32(h, 18);
            long usize = u32(h, 22);
            int nameLength = u16(h, 26);
            int extraLength = u16(h, 28);
            ByteBuffer nameAndExtra = at(in, pos + 30, nameLength + extraLength);
            byte[] name = nameAndExtra == null ? null : new byte[nameLength];
            if (name == null || nameLength == 0) {
                throw garbled(pos);
            }
            nameAndExtra.get(0, name);
            String shown = new String(name, (flags & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            if (shown.chars().anyMatch(c -> c < 0x20)) {
                throw garbled(pos); // no tool names an entry so: this is not a header, whatever its signature
            }
            if (!names.add(new String(name, StandardCharsets.ISO_8859_1))) {
                throw new ZipStructure.Hostile(ZipStructure.Flaw.INCONSISTENT, "two entries named " + shown);
            }
            boolean described = (flags & 8) != 0;
            // encrypted, another compression method, ZIP64, or stored behind a data descriptor (whose end only a
            // guess can find): such an entry cannot be checked here, so the archive is not rebuilt
            if ((flags & 1) != 0 || (method != STORED && method != DEFLATED) || csize == MAGIC32 || usize == MAGIC32
                    || hasZip64(nameAndExtra, nameLength, extraLength) || (described && method == STORED)) {
                throw new Unrepairable(Reason.of("reason.zip.notRebuilt", shown), shown + ": cannot be checked");
            }
            long data = pos + 30 + nameLength + extraLength;
            Checked checked = check(in, data, method, described ? -1 : csize, budget - spent, shown);
            spent += checked.produced();
            long end = data + checked.consumed();
            if (described) {
                long[] declared = descriptor(in, end, checked);
                if (declared == null) {
                    throw entryLost(shown);
                }
                crc = declared[0];
                csize = declared[1];
                usize = declared[2];
                end += declared[3];
            } else {
                end = data + csize;
            }
            if (checked.consumed() > csize || checked.produced() != usize || checked.crc() != crc) {
                throw entryLost(shown);
            }
            parts.add(new Part(name, flags & UTF8_NAMES, method, u16(h, 10), u16(h, 12), crc, csize, usize, data));
            pos = end;
        }
        if (parts.isEmpty()) {
            throw garbled(0);
        }
        return parts;
    }

    /**
     * Inflates one entry into nothing, counting against {@code budget}: its stored bytes, or its deflate stream
     * to its end — within {@code csize} bytes, or, when a data descriptor follows, wherever the stream ends.
     */
    private static Checked check(FileChannel in, long data, int method, long csize, long budget, String shown)
            throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        if (method == STORED) {
            if (data + csize > in.size()) {
                throw entryLost(shown); // the file ends inside the entry (or its header claims more than the file)
            }
            if (csize > budget) {
                throw bomb(shown);
            }
            for (long pos = data; pos < data + csize; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), data + csize - pos));
                int n = in.read(buffer, pos);
                if (n <= 0) {
                    throw entryLost(shown); // the file ends inside the entry
                }
                crc.update(buffer.array(), 0, n);
                pos += n;
            }
            return new Checked(csize, csize, crc.getValue());
        }
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[64 * 1024];
            long pos = data;
            long produced = 0;
            boolean padded = false;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    long left = csize < 0 ? buffer.capacity() : data + csize - pos;
                    if (left <= 0) {
                        if (padded) {
                            throw entryLost(shown); // its compressed size ends before its deflate stream does
                        }
                        // a raw inflater may want one byte past the stream to see its end (as ZipFile gives it)
                        inflater.setInput(new byte[1]);
                        padded = true;
                    } else {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                        int n = in.read(buffer, pos);
                        if (n <= 0) {
                            throw entryLost(shown);
                        }
                        inflater.setInput(buffer.array(), 0, n);
                        pos += n;
                    }
                }
                int n;
                try {
                    n = inflater.inflate(out);
                } catch (DataFormatException corrupt) {
                    throw entryLost(shown);
                }
                if (n == 0 && inflater.needsDictionary()) {
                    throw entryLost(shown);
                }
                produced += n;
                if (produced > budget) {
                    throw bomb(shown);
                }
                crc.update(out, 0, n);
            }
            // the padding byte is not the entry's, whether the inflater took it or not
            long consumed = padded ? Math.min(inflater.getBytesRead(), csize) : inflater.getBytesRead();
            return new Checked(consumed, produced, crc.getValue());
        } finally {
            inflater.end();
        }
    }

    /**
     * {crc, csize, usize, its length} from the data descriptor at {@code at}, with or without its optional
     * signature, when it matches what was read; null when none does.
     */
    private static long[] descriptor(FileChannel in, long at, Checked checked) throws IOException {
        ByteBuffer b = at(in, at, 16);
        if (b == null) {
            b = at(in, at, 12);
        }
        if (b == null) {
            return null;
        }
        for (int skip : new int[] {4, 0}) {
            if (skip == 4 && (b.capacity() < 16 || b.getInt(0) != DESCRIPTOR)) {
                continue;
            }
            long crc = u32(b, skip);
            long csize = u32(b, skip + 4);
            long usize = u32(b, skip + 8);
            if (crc == checked.crc() && csize == checked.consumed() && usize == checked.produced()) {
                return new long[] {crc, csize, usize, skip + 12};
            }
        }
        return null;
    }

    /** The rebuilt archive: {@code mimetype} first, each entry's bytes copied as they are, a central directory. */
    private static void write(FileChannel in, List<Part> parts, Path copy) throws IOException {
        List<Part> ordered = new ArrayList<>(parts.size());
        parts.stream().filter(Part::isMimetype).forEach(ordered::add);
        parts.stream().filter(p -> !p.isMimetype()).forEach(ordered::add);
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long[] offsets = new long[ordered.size()];
            for (int i = 0; i < ordered.size(); i++) {
                Part p = ordered.get(i);
                offsets[i] = out.position();
                ByteBuffer local = le(30 + p.name().length).putInt(LOC).putShort((short) 20).putShort((short) p.flags())
                        .putShort((short) p.method()).putShort((short) p.time()).putShort((short) p.date())
                        .putInt((int) p.crc()).putInt((int) p.csize()).putInt((int) p.usize())
                        .putShort((short) p.name().length).putShort((short) 0).put(p.name());
                writeFully(out, local.flip());
                for (long done = 0; done < p.csize(); ) {
                    long n = in.transferTo(p.data() + done, p.csize() - done, out);
                    if (n <= 0) {
                        throw entryLost(new String(p.name(), StandardCharsets.ISO_8859_1));
                    }
                    done += n;
                }
            }
            long cenOffset = out.position();
            for (int i = 0; i < ordered.size(); i++) {
                Part p = ordered.get(i);
                ByteBuffer central = le(46 + p.name().length).putInt(CEN).putShort((short) 20).putShort((short) 20)
                        .putShort((short) p.flags()).putShort((short) p.method()).putShort((short) p.time())
                        .putShort((short) p.date()).putInt((int) p.crc()).putInt((int) p.csize())
                        .putInt((int) p.usize()).putShort((short) p.name().length).putShort((short) 0)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                        .putInt((int) offsets[i]).put(p.name());
                writeFully(out, central.flip());
            }
            long cenLength = out.position() - cenOffset;
            if (out.position() >= MAGIC32) {
                // only ZIP64 could say where; a document this large is not rebuilt
                throw new Unrepairable(Reason.of("reason.zip.notRebuilt", "*"), "larger than 4 GB");
            }
            ByteBuffer end = le(22).putInt(END).putShort((short) 0).putShort((short) 0)
                    .putShort((short) ordered.size()).putShort((short) ordered.size()).putInt((int) cenLength)
                    .putInt((int) cenOffset).putShort((short) 0);
            writeFully(out, end.flip());
        }
    }

    private static boolean hasZip64(ByteBuffer nameAndExtra, int from, int length) {
        for (int i = from; i + 4 <= from + length; i += 4 + u16(nameAndExtra, i + 2)) {
            if (u16(nameAndExtra, i) == 0x0001) {
                return true;
            }
        }
        return false;
    }

    private static Unrepairable entryLost(String shown) {
        return new Unrepairable(Reason.of("reason.zip.entryLost", shown), shown + ": cut short or damaged");
    }

    private static Unrepairable garbled(long pos) {
        return new Unrepairable(Reason.of("reason.zip.garbled", pos), "no entry at byte " + pos);
    }

    private static Unrepairable bomb(String shown) {
        return new Unrepairable(ZipBombs.ratioReason(), shown + ": unpacks past the budget");
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code n} bytes at {@code pos}, little-endian; null when the file ends before. */
    private static ByteBuffer at(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = le(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                return null;
            }
        }
        return b.clear();
    }

    private static int u16(ByteBuffer b, int i) {
        return Short.toUnsignedInt(b.getShort(i));
    }

    private static long u32(ByteBuffer b, int i) {
        return Integer.toUnsignedLong(b.getInt(i));
    }
}
