package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Damage;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Messages;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Zips;

/**
 * Archives that the central directory and a streaming reader read differently are refused before
 * anything inflates them: the overlapping-entry bomb, a local header that disagrees with the central
 * directory, a data descriptor that hides other sizes. Archives as real tools write them still pass, and so
 * do archives whose central directory is merely damaged (no reader can follow it at all).
 */
class ZipLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theOverlappingEntryBombIsRefusedThoughAStreamSeesOneSmallFile() throws Exception {
        Path bomb = Files.write(dir.resolve("chong.zip"), HostileCorpus.overlappingZipBomb("a1", 500, 4));
        assertThat(Files.size(bomb)).isLessThan(200_000);
        // what makes it a bomb: 500 entries of 4 MB each by the central directory, one by the stream
        try (ZipFile zip = new ZipFile(bomb.toFile())) {
            assertThat(zip.size()).isEqualTo(500);
            try (InputStream in = zip.getInputStream(zip.getEntry("chong-a1-250.txt"))) {
                assertThat(in.transferTo(OutputStream.nullOutputStream())).isGreaterThan(4L << 20);
            }
        }
        try (ZipInputStream stream = new ZipInputStream(Files.newInputStream(bomb))) {
            int seen = 0;
            while (stream.getNextEntry() != null) {
                seen++;
            }
            assertThat(seen).isEqualTo(1);
        }

        assertThat(ZipBombs.check(bomb, ZipBombs.Use.IMPORT)).map(Messages::english)
                .hasValueSatisfying(m -> assertThat(m).contains("overlapping entries").contains("not imported"));
        assertThat(ZipBombs.check(bomb, ZipBombs.Use.READ)).map(Messages::vietnamese)
                .hasValueSatisfying(m -> assertThat(m).contains("chồng lên").contains("không đọc"));
    }

    @Test
    void aCentralDirectoryThatDisagreesWithTheLocalHeaderIsRefused() throws Exception {
        Path lying = Files.write(dir.resolve("lech.zip"), HostileCorpus.mismatchedZip("b2", 8, false));
        assertThat(ZipBombs.check(lying, ZipBombs.Use.IMPORT)).map(Messages::english)
                .hasValueSatisfying(m -> assertThat(m).contains("does not match the files in it"));
        Path hiding = Files.write(dir.resolve("an.zip"), HostileCorpus.mismatchedZip("c3", 8, true));
        assertThat(ZipBombs.check(hiding, ZipBombs.Use.READ)).map(Messages::vietnamese)
                .hasValueSatisfying(m -> assertThat(m).contains("không khớp"));
    }

    @Test
    void anEntryTheCentralDirectoryDoesNotListIsRefused() throws Exception {
        byte[] listed = Zips.of(Map.of("mot.txt", "mot".getBytes(StandardCharsets.UTF_8)));
        byte[] hidden = Zips.of(Map.of("an.txt", "an".getBytes(StandardCharsets.UTF_8)));
        // a local entry in front that only a streaming reader meets; ZipFile skips it as a stub
        byte[] joined = new byte[hidden.length + listed.length];
        int localPart = localPartLength(hidden);
        System.arraycopy(hidden, 0, joined, 0, localPart);
        System.arraycopy(listed, 0, joined, localPart, listed.length);
        Path file = Files.write(dir.resolve("an-truoc.zip"), Arrays.copyOf(joined, localPart + listed.length));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.size()).as("ZipFile reads past the stub").isEqualTo(1);
        }
        assertThat(ZipBombs.check(file, ZipBombs.Use.IMPORT)).map(Messages::english)
                .hasValueSatisfying(m -> assertThat(m).contains("hidden entries"));
    }

    @Test
    void archivesAsToolsWriteThemPassWithDescriptorsStoredEntriesAndNestedArchives() throws Exception {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("bai.txt", "Bài đọc".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("tap/bai-1.txt", "một hai ba".repeat(1000).getBytes(StandardCharsets.UTF_8));
        outer.put("long.zip", Zips.of(inner));
        Path deflated = Files.write(dir.resolve("thuong.zip"), Zips.of(outer)); // data descriptors, as ZipOutputStream writes
        assertThat(ZipBombs.check(deflated, ZipBombs.Use.IMPORT)).isEmpty();

        Path stored = dir.resolve("luu.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(stored))) {
            byte[] bytes = "nguyen van".getBytes(StandardCharsets.UTF_8);
            ZipEntry e = new ZipEntry("nguyen.txt");
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(bytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("thu-muc/"));
            zip.closeEntry();
        }
        assertThat(ZipBombs.check(stored, ZipBombs.Use.READ)).isEmpty();
        assertThat(ZipBombs.check(Files.write(dir.resolve("khong.txt"), "không phải ZIP".getBytes(StandardCharsets.UTF_8)),
                ZipBombs.Use.READ)).isEmpty();
    }

    @Test
    void aCentralDirectoryThatLeadsNowhereIsDamageButOneThatLeadsPartlyElsewhereIsRefused() throws Exception {
        byte[] docx = Files.readAllBytes(TestFiles.sample("tu-hoc-thoi-dai-so.docx"));
        // every central entry points past its local header: no reader reaches any data through it, and only the
        // local headers can be read — damage, which the extraction repairs
        Path nowhere = Files.write(dir.resolve("lech-het.docx"), Damage.LOCAL_OFFSETS_WRONG.apply(docx));
        assertThat(ZipBombs.check(nowhere, ZipBombs.Use.IMPORT)).isEmpty();
        assertThat(ZipRepair.needed(nowhere)).isTrue();

        // one entry points past its header, the others at theirs: a reader that follows the central directory
        // reads some entries, a streaming reader all of them — two readings, refused as before
        byte[] partly = docx.clone();
        ByteBuffer b = ByteBuffer.wrap(partly).order(ByteOrder.LITTLE_ENDIAN);
        int cen = b.getInt(partly.length - 22 + 16);
        int second = cen + 46 + Short.toUnsignedInt(b.getShort(cen + 28)) + Short.toUnsignedInt(b.getShort(cen + 30))
                + Short.toUnsignedInt(b.getShort(cen + 32));
        b.putInt(second + 42, b.getInt(second + 42) + 3);
        Path some = Files.write(dir.resolve("lech-mot.docx"), partly);
        assertThat(ZipBombs.check(some, ZipBombs.Use.IMPORT)).map(Messages::english)
                .hasValueSatisfying(m -> assertThat(m).contains("does not match the files in it"));
        assertThat(ZipRepair.needed(some)).isFalse();
    }

    @Test
    void theUnpackerReadsTheCentralDirectoryAsTheCheckDoes() throws Exception {
        // with the check bypassed, the unpacker still stops at its byte limit: it reads all 500 entries
        Path bomb = Files.write(dir.resolve("chong.zip"), HostileCorpus.overlappingZipBomb("d4", 500, 4));
        Path target = dir.resolve("out");
        Assertions.assertThatThrownBy(() -> SafeZip.unpack(bomb, target, 64L << 20))
                .isInstanceOf(SafeZip.TooLargeException.class);
    }

    /** Where the central directory starts in a ZIP of one entry (the offset in its end record). */
    private static int localPartLength(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(zip.length - 22 + 16);
    }
}
