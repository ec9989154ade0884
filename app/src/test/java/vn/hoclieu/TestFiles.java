package vn.hoclieu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files for the security tests, each with bytes of its own (so that none is a duplicate). */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * A file of the sample library ({@code sample-resources/} at the top of the repository, seen from the
     * module's folder where the tests run, or the folder a {@code hoclieu.samples.dir} system property
     * names); with no name, the folder itself. The application in the tests imports its packaged copy.
     */
    public static Path sample(String... names) {
        return Path.of(System.getProperty("hoclieu.samples.dir", "../sample-resources"), names);
    }

    /** A 1×1 GIF of a random colour. */
    public static byte[] gif() {
        byte[] g = {71, 73, 70, 56, 57, 97, 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 44, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 68, 1, 0, 59};
        long random = UUID.randomUUID().getLeastSignificantBits();
        g[13] = (byte) random;
        g[14] = (byte) (random >> 8);
        g[15] = (byte) (random >> 16);
        return g;
    }

    /**
     * A SCORM 1.2 package whose one page, {@code bai/index.html}, holds {@code headAndBody} (HTML
     * put inside its {@code <html>} element), with a random comment so that no two are alike.
     */
    public static byte[] scorm(String headAndBody) {
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="kiem-thu-bao-mat" version="1.0"
                    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="o"><organization identifier="o"><title>Kiểm thử bảo mật</title>
                    <item identifier="i" identifierref="r"><title>Trang</title></item></organization></organizations>
                  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="bai/index.html">
                    <file href="bai/index.html"/></resource></resources>
                </manifest>
                """;
        String page = "<!DOCTYPE html><html lang=\"vi\"><!-- " + UUID.randomUUID() + " -->" + headAndBody + "</html>";
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("bai/index.html"));
            zip.write(page.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
