package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Zips;
import vn.hoclieu.catalog.FileKind;
import vn.hoclieu.catalog.FileKinds;
import vn.hoclieu.catalog.UploadKinds;

/**
 * What an upload is, from its bytes: the programs of every system are told apart from material whatever
 * they are called, and every kind of material the catalogue holds — the sample library's real files —
 * stays what it is.
 */
class TikaFileKindsTest {

    private static final TikaFileKinds KINDS = new TikaFileKinds();

    @TempDir
    Path dir;

    @Test
    void programsAreToldByTheirBytesWhateverTheirNames() throws IOException {
        Map<String, byte[]> programs = new LinkedHashMap<>();
        programs.put("bai-giang.pdf", HostileCorpus.pe("pe"));
        programs.put("anh-lop-hoc.png", HostileCorpus.elf("elf"));
        programs.put("ghi-chu.txt", "#!/bin/sh\necho xin chao\n".getBytes(StandardCharsets.US_ASCII));
        programs.put("huong-dan.txt", "@echo off\r\ncopy a b\r\n".getBytes(StandardCharsets.US_ASCII));
        programs.put("du-lieu.dat", macho());
        programs.put("tai-lieu.doc", windowsInstaller());
        programs.put("bai-tap.zip", Zips.of(Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\r\nMain-Class: bai.Tap\r\n".getBytes(StandardCharsets.US_ASCII),
                "bai/Tap.class", javaClass())));
        programs.put("ung-dung.zip", Zips.of(Map.of("AndroidManifest.xml", new byte[] {3, 0, 8, 0},
                "classes.dex", "dex\n035\0".getBytes(StandardCharsets.US_ASCII))));
        for (Map.Entry<String, byte[]> p : programs.entrySet()) {
            FileKinds.Judged judged = judge(p.getKey(), p.getValue());
            assertThat(judged.kind()).as(p.getKey() + " (" + judged.mediaType() + ")").isEqualTo(FileKind.PROGRAM);
        }
        assertThat(judge("x.pdf", HostileCorpus.pe("pe2")).mediaType()).startsWith("application/x-msdownload");
        assertThat(judge("x.png", HostileCorpus.elf("elf2")).mediaType()).isEqualTo("application/x-executable");
    }

    @Test
    void anArchiveHoldingAProgramIsOneAndSaysWhich() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("huong-dan.txt", "Cài đặt rồi mở".getBytes(StandardCharsets.UTF_8));
        entries.put("cai-dat/setup.exe", HostileCorpus.pe("inside"));
        FileKinds.Judged judged = judge("phan-mem-hoc-tap.zip", Zips.of(entries));
        assertThat(judged.kind()).isEqualTo(FileKind.PROGRAM);
        assertThat(judged.inside()).isEqualTo("cai-dat/setup.exe");
        assertThat(judged.mediaType()).isEqualTo("application/zip");
    }

    @Test
    void aNameWindowsWouldRunMakesAProgramOfAnyBytes() throws IOException {
        for (String name : new String[] {"hoa-dontxt.exe", "bai-hoc.vbs", "lenh.ps1", "bai.hta", "loi-tat.lnk"}) {
            assertThat(judge(name, "Xin chào".getBytes(StandardCharsets.UTF_8)).kind()).as(name)
                    .isEqualTo(FileKind.PROGRAM);
        }
    }

    @Test
    void theSampleLibrarysMaterialsAreEachOfTheirKind() throws IOException {
        Map<String, FileKind> expected = new LinkedHashMap<>();
        expected.put("hoc-tap-suot-doi.pdf", FileKind.DOCUMENT);
        expected.put("tu-hoc-thoi-dai-so.docx", FileKind.DOCUMENT);
        expected.put("doc-hieu-tho-tru-tinh-lop-10.odt", FileKind.DOCUMENT);
        expected.put("lich-su-ha-noi.txt", FileKind.DOCUMENT);
        expected.put("tim-kiem-thong-tin-hieu-qua.pptx", FileKind.SLIDES);
        expected.put("doc-sach-moi-ngay.epub", FileKind.EBOOK);
        expected.put("cong-dan-so.html", FileKind.LESSON);
        expected.put("doc-sach-hieu-qua-poster.png", FileKind.IMAGE);
        expected.put("thu-vien-noi-hoc-tap.mp3", FileKind.AUDIO);
        expected.put("video-tim-kiem-an-toan.mp4", FileKind.VIDEO);
        expected.put("metadata.csv", FileKind.SPREADSHEET);
        expected.put("README.md", FileKind.DOCUMENT);
        for (Map.Entry<String, FileKind> e : expected.entrySet()) {
            Path sample = TestFiles.sample(e.getKey());
            FileKinds.Judged judged = KINDS.judge(sample, e.getKey());
            assertThat(judged.kind()).as(e.getKey() + " (" + judged.mediaType() + ")").isEqualTo(e.getValue());
        }
        try (var files = Files.list(TestFiles.sample())) {
            files.filter(f -> f.getFileName().toString().endsWith(".vtt")).forEach(vtt -> {
                try {
                    assertThat(KINDS.judge(vtt, vtt.getFileName().toString()).kind()).isEqualTo(FileKind.SUBTITLES);
                } catch (IOException ex) {
                    throw new AssertionError(ex);
                }
            });
        }
    }

    @Test
    void lessonsArchivesAndUnknownBytesAreMaterial() throws IOException {
        assertThat(judge("bai-giang.zip", TestFiles.scorm("<body>Bài học</body>")).kind()).isEqualTo(FileKind.LESSON);
        assertThat(judge("anh.zip", Zips.of(Map.of("anh/1.gif", TestFiles.gif()))).kind()).isEqualTo(FileKind.ARCHIVE);
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = 0x7f;
        random[1] = 0x00;
        assertThat(judge("mo-phong.cyp", random).kind()).isEqualTo(FileKind.OTHER);
        assertThat(judge("bai-tap.py", "print('xin chào')\n".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(FileKind.DOCUMENT);
        assertThat(judge("du-lieu.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(FileKind.DATA);
    }

    @Test
    void everyKindButProgramsIsAllowedUnlessTheSiteSaysOtherwise() {
        UploadKinds defaults = new UploadKinds(null);
        for (FileKind kind : FileKind.values()) {
            assertThat(defaults.allows(kind)).as(kind.name()).isEqualTo(kind != FileKind.PROGRAM);
        }
        UploadKinds narrow = new UploadKinds(List.of(FileKind.DOCUMENT, FileKind.VIDEO));
        assertThat(narrow.allows(FileKind.OTHER)).isFalse();
        assertThat(narrow.allows(FileKind.VIDEO)).isTrue();
    }

    private FileKinds.Judged judge(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime()), bytes);
        return KINDS.judge(file, name);
    }

    /** A 64-bit Mach-O executable's header (magic {@code 0xFEEDFACF} little-endian, file type 2). */
    private static byte[] macho() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xCF;
        b[1] = (byte) 0xFA;
        b[2] = (byte) 0xED;
        b[3] = (byte) 0xFE;
        b[12] = 2;
        return b;
    }

    /** A Java class file's header: {@code 0xCAFEBABE}, then the version of Java 17. */
    private static byte[] javaClass() {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 10};
    }

    /** An OLE2 file whose root says it is a Windows Installer database, as every MSI's does. */
    private static byte[] windowsInstaller() throws IOException {
        try (POIFSFileSystem ole = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ole.getRoot().setStorageClsid(new ClassID("{000C1084-0000-0000-C000-000000000046}"));
            ole.createDocument(new ByteArrayInputStream("Bảng cài đặt".getBytes(StandardCharsets.UTF_8)),
                    "\u0005SummaryInformation");
            ole.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
