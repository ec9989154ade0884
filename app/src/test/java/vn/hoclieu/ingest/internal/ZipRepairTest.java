package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Damage;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Messages;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Zips;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * ZIP containers damaged the ways real files arrive — entries out of order, {@code mimetype} deflated, the
 * central directory cut, gone or pointing past the local headers — copies of the sample library's EPUB,
 * OpenDocument and Word files: each is read to the very text of the intact file. Copies that
 * lost content stay FAILED and say where; bombs and disagreeing layouts stay refused.
 */
class ZipRepairTest {

    /** EPUB and OpenDocument put {@code mimetype} first; Tika reads OpenDocument only by its central directory. */
    private static final List<String> SAMPLES = List.of("doc-sach-moi-ngay.epub", "doc-hieu-tho-tru-tinh-lop-10.odt",
            "tu-hoc-thoi-dai-so.docx");

    private static TikaParsing tika;

    @TempDir
    Path dir;

    @BeforeAll
    static void tika() throws Exception {
        tika = new TikaParsing(new IngestProperties(1, Duration.ofSeconds(60), 1_000_000, 3, false, null));
    }

    private Extraction read(String name, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);
        return tika.read(file, name, null);
    }

    @Test
    void damagedContainersOfRealDocumentsAreReadToTheTextOfTheIntactFile() throws Exception {
        for (String sample : SAMPLES) {
            byte[] intact = Files.readAllBytes(TestFiles.sample(sample));
            Extraction original = read(sample, intact);
            assertThat(original.status()).as(sample).isEqualTo(ExtractionStatus.OK);
            assertThat(original.text()).as(sample).hasSizeGreaterThan(100);
            for (Damage damage : Damage.values()) {
                if (!damage.recoverable() || !damage.appliesTo(sample)) {
                    continue;
                }
                String name = damage.name().toLowerCase() + "-" + sample;
                Extraction e = read(name, damage.apply(intact));
                assertThat(e.status()).as(name + ": " + e.reason()).isEqualTo(ExtractionStatus.OK);
                assertThat(e.text()).as(name).isEqualTo(original.text());
                assertThat(e.mediaType()).as(name).isEqualTo(original.mediaType());
                boolean rebuilt = damage != Damage.ENTRIES_REVERSED && damage != Damage.MIMETYPE_DEFLATED;
                if (rebuilt) {
                    assertThat(Messages.english(e.reason())).as(name).startsWith("Read after repair")
                            .contains("archive’s directory");
                } else {
                    assertThat(e.reason()).as(name + ": its central directory is sound, Tika reads it as it is").isNull();
                }
            }
        }
    }

    @Test
    void aCopyThatLostContentStaysFailedAndSaysWhere() throws Exception {
        byte[] epub = Files.readAllBytes(TestFiles.sample("doc-sach-moi-ngay.epub"));
        // cut inside the book's text: everything before it is whole, the rest is gone
        int chapter = indexOf(epub, "EPUB/text/ch001.xhtml");
        Extraction cut = read("cat.epub", Arrays.copyOf(epub, chapter + 200));
        assertThat(cut.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(cut.text()).isEmpty();
        assertThat(Messages.english(cut.reason())).contains("EPUB/text/ch001.xhtml").contains("cut short");
        assertThat(Messages.vietnamese(cut.reason())).contains("hỏng");

        for (Damage damage : List.of(Damage.CUT_TO_5_PERCENT, Damage.NOISE_AFTER_HEADER)) {
            for (String sample : SAMPLES) {
                Extraction e = read(damage.name().toLowerCase() + "-" + sample,
                        damage.apply(Files.readAllBytes(TestFiles.sample(sample))));
                assertThat(e.status()).as(damage + " " + sample).isEqualTo(ExtractionStatus.FAILED);
                assertThat(Messages.vietnamese(e.reason())).as(damage + " " + sample).contains("hỏng");
            }
        }

        // a stored entry whose header claims 2 GB in a file of 60 bytes: cut short, not a bomb
        byte[] name = "hello.txt".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer claims = ByteBuffer.allocate(30 + name.length + 12).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(0x1234).putInt(0x7FFFFFFE).putInt(0x7FFFFFFE).putShort((short) name.length).putShort((short) 0)
                .put(name).put("Hello World\n".getBytes(StandardCharsets.US_ASCII));
        Extraction lying = read("noi-qua.zip", claims.array());
        assertThat(lying.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(Messages.english(lying.reason())).contains("“hello.txt”").contains("cut short");

        // an entry whose bytes were overwritten: its CRC gives it away, though the archive's layout is whole
        byte[] docx = Damage.CENTRAL_DIRECTORY_REMOVED.apply(Files.readAllBytes(TestFiles.sample("tu-hoc-thoi-dai-so.docx")));
        int body = indexOf(docx, "word/document.xml") + "word/document.xml".length() + 40;
        for (int i = body; i < body + 16; i++) {
            docx[i] ^= 0x5A;
        }
        Extraction corrupt = read("hong-ruot.docx", docx);
        assertThat(corrupt.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(Messages.english(corrupt.reason())).contains("word/document.xml");
    }

    @Test
    void aBombWithoutItsCentralDirectoryIsStillABomb() throws Exception {
        Extraction nested = read("bom.zip", Damage.CENTRAL_DIRECTORY_REMOVED.apply(HostileCorpus.nestedZipBomb("cd")));
        assertThat(nested.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(Messages.vietnamese(nested.reason())).contains("bom ZIP");

        // 300 MB of zeros in one entry, from 300 KB, and no central directory: what inflates is counted
        Path zeros = dir.resolve("khong.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zeros))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] megabyte = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(megabyte);
            }
        }
        byte[] end = Files.readAllBytes(zeros);
        try (FileChannel ch = FileChannel.open(zeros, StandardOpenOption.WRITE)) {
            ch.truncate(centralDirectoryOffset(end));
        }
        assertThat(Files.size(zeros)).isLessThan(400_000);
        Extraction ratio = tika.read(zeros, "khong.docx", null);
        assertThat(ratio.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(Messages.vietnamese(ratio.reason())).contains("bom ZIP");
    }

    @Test
    void twoEntriesOfOneNameAreADisagreementNotDamage() throws Exception {
        // no central directory, and two local entries named alike: each reader would pick its own
        byte[] first = Zips.of(Map.of("word/document.xml", "một".getBytes(StandardCharsets.UTF_8)));
        byte[] second = Zips.of(Map.of("word/document.xml", "hai".getBytes(StandardCharsets.UTF_8)));
        byte[] twice = concat(Arrays.copyOf(first, centralDirectoryOffset(first)),
                Arrays.copyOf(second, centralDirectoryOffset(second)));
        Extraction e = read("hai-lan.docx", twice);
        assertThat(e.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(Messages.english(e.reason())).contains("does not match the files in it");
    }

    @Test
    void theRebuiltArchivePutsMimetypeFirstAndKeepsEveryEntryAsItWas() throws Exception {
        byte[] epub = Files.readAllBytes(TestFiles.sample("doc-sach-moi-ngay.epub"));
        Path damaged = Files.write(dir.resolve("dao.epub"), Damage.REVERSED_WITHOUT_CENTRAL_DIRECTORY.apply(epub));
        assertThat(ZipRepair.needed(damaged)).isTrue();
        Path rebuilt = dir.resolve("lai.epub");
        ZipRepair.rebuild(damaged, rebuilt);
        assertThat(ZipRepair.needed(rebuilt)).isFalse();
        assertThat(ZipBombs.check(rebuilt, ZipBombs.Use.READ)).isEmpty();
        try (ZipFile zip = new ZipFile(rebuilt.toFile());
             ZipFile original = new ZipFile(TestFiles.sample("doc-sach-moi-ngay.epub").toFile())) {
            assertThat(zip.stream().findFirst().orElseThrow().getName()).isEqualTo("mimetype");
            assertThat(zip.size()).isEqualTo(original.size());
            for (ZipEntry entry : original.stream().toList()) {
                try (InputStream a = original.getInputStream(entry);
                     InputStream b = zip.getInputStream(zip.getEntry(entry.getName()))) {
                    assertThat(b.readAllBytes()).as(entry.getName()).isEqualTo(a.readAllBytes());
                }
            }
        }
        // an intact file and a file that is no ZIP need nothing
        assertThat(ZipRepair.needed(TestFiles.sample("doc-sach-moi-ngay.epub"))).isFalse();
        assertThat(ZipRepair.needed(TestFiles.sample("hoc-tap-suot-doi.pdf"))).isFalse();
    }

    private static int centralDirectoryOffset(byte[] zip) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(zip.length - 22 + 16);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] n = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= bytes.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (bytes[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
