package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Messages;

class SafeZipTest {

    @TempDir
    Path dir;

    @Test
    void aZipBombIsStoppedByTheBytesActuallyWritten() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros); // 64 MB of zeros compress to about 64 KB
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> SafeZip.unpack(bomb, dir.resolve("out"), 8L << 20))
                .isInstanceOf(SafeZip.TooLargeException.class)
                .satisfies(e -> assertThat(Messages.english(((SafeZip.TooLargeException) e).reason()))
                        .contains("more than 8 MB"));
    }

    @Test
    void namesThatEscapeTheFolderAreNeverWritten() throws Exception {
        Path zipFile = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"../escaped.txt", "a/../../escaped2.txt", "/abs.txt", "ok/tot.txt",
                    "__MACOSX/._tot.txt"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path target = dir.resolve("inside/out");
        assertThat(SafeZip.unpack(zipFile, target, 1 << 20)).isEqualTo(1);
        assertThat(target.resolve("ok/tot.txt")).exists();
        assertThat(dir.resolve("inside/escaped.txt")).doesNotExist();
        assertThat(dir.resolve("escaped2.txt")).doesNotExist();
    }
}
