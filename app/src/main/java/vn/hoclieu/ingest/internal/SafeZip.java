package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.ImportRefusedException;

/**
 * Unpacks an uploaded ZIP without trusting it: names that would escape the target folder are
 * skipped, counts and sizes are measured on the bytes actually written (never the headers), and
 * the whole archive is refused past the limits — a ZIP bomb ends in a clear message. It reads the
 * central directory ({@link ZipFile}), as {@link ZipBombs} does when it checks the archive first, so
 * what is unpacked is what was checked.
 */
final class SafeZip {

    static final int MAX_ENTRIES = 20_000;

    private SafeZip() {
    }

    static final class TooLargeException extends ImportRefusedException {
        TooLargeException(String reason) {
            super(reason);
        }
    }

    /** @return how many files were written */
    static int unpack(Path zip, Path target, long maxTotalBytes) throws IOException {
        try {
            return unpack(zip, target, maxTotalBytes, StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException notUtf8Names) {
            // archives made by older Windows tools name their entries in the DOS code page
            return unpack(zip, target, maxTotalBytes, Charset.forName("IBM437"));
        }
    }

    private static int unpack(Path zip, Path target, long maxTotalBytes, Charset names)
            throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        int files = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile archive = new ZipFile(zip.toFile(), names)) {
            Enumeration<? extends ZipEntry> all = archive.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || skipped(name)) {
                    continue;
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    continue; // "../" or an absolute path: never written
                }
                if (++files > MAX_ENTRIES) {
                    throw new TooLargeException(Reason.of("reason.import.tooManyFiles", MAX_ENTRIES));
                }
                Files.createDirectories(out.getParent());
                try (InputStream entries = archive.getInputStream(entry); OutputStream o = Files.newOutputStream(out)) {
                    int n;
                    while ((n = entries.read(buffer)) > 0) {
                        total += n;
                        if (total > maxTotalBytes) {
                            throw new TooLargeException(Reason.of("reason.import.tooLarge", maxTotalBytes >> 20));
                        }
                        o.write(buffer, 0, n);
                    }
                }
            }
        }
        return files;
    }

    private static boolean skipped(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("/") || lower.startsWith("__macosx/") || lower.endsWith(".ds_store")
                || lower.endsWith("thumbs.db") || name.contains("\0");
    }
}
