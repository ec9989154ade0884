package vn.hoclieu.ingest.internal.scorm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test data builder: a real package written with java.util.zip, entries in the order they are added. */
final class ScormZip {

    private record Entry(String name, byte[] bytes) {
    }

    private final List<Entry> entries = new ArrayList<>();

    static ScormZip withManifest(String xml) {
        return new ScormZip().file("imsmanifest.xml", xml);
    }

    static ScormZip empty() {
        return new ScormZip();
    }

    /** A UTF-8 HTML page with a meta charset, a script and a style that must never reach the text. */
    static String page(String title, String bodyHtml) {
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><title>%s</title>
                <style>body { font-family: "Kịch bản CSS"; }</style>
                <script>var loiGiai = "mã kịch bản không được đọc";</script>
                </head><body>%s</body></html>
                """.formatted(title, bodyHtml);
    }

    ScormZip file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ScormZip file(String name, byte[] bytes) {
        entries.add(new Entry(name, bytes));
        return this;
    }

    ScormZip html(String name, String title, String bodyHtml) {
        return file(name, page(title, bodyHtml));
    }

    Path writeTo(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(bytes());
        }
        return zip;
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.bytes());
                zip.closeEntry();
            }
        }
        return buffer.toByteArray();
    }
}
