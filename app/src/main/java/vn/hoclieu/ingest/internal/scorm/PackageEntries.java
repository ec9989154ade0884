package vn.hoclieu.ingest.internal.scorm;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a package's ZIP that are safe to look at: only entries whose normalized names stay inside the
 * root, only the first {@link Limits#maxEntries()} of them, and never more bytes than the limits allow. Nothing
 * is ever written to disk, and nested archives are never opened.
 */
final class PackageEntries implements Closeable {

    /** "http:", "javascript:", "C:" — a URL or a Windows drive, not a path inside the package. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final ZipFile zip;
    private final Map<String, ZipEntry> byName;
    private final Limits limits;
    private long bytesLeft;

    private PackageEntries(ZipFile zip, Map<String, ZipEntry> byName, Limits limits) {
        this.zip = zip;
        this.byName = byName;
        this.limits = limits;
        this.bytesLeft = limits.maxTotalBytes();
    }

    /** Opens the ZIP and indexes its entries; throws {@link IOException} when the file is not a readable ZIP. */
    static PackageEntries open(Path file, Limits limits) throws IOException {
        ZipFile zip = openZip(file);
        try {
            Map<String, ZipEntry> byName = new HashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            for (int seen = 0; seen < limits.maxEntries() && all.hasMoreElements(); seen++) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    normalize(entry.getName()).ifPresent(name -> byName.putIfAbsent(name, entry));
                }
            }
            return new PackageEntries(zip, byName, limits);
        } catch (RuntimeException e) {
            zip.close();
            throw new ZipException("unreadable central directory: " + e.getMessage());
        }
    }

    private static ZipFile openZip(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            // Old authoring tools wrote names in a legacy code page without the UTF-8 flag, which the JDK
            // rejects as malformed UTF-8; Latin-1 decodes any byte, so such a package still opens.
            return new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The entry an href of the manifest points to, if it stays inside the package and the package has it.
     * The href is a URI reference: its query and fragment are dropped and its %-escapes decoded.
     */
    Optional<String> resolve(String href) {
        if (href == null) {
            return Optional.empty();
        }
        String path = href.strip();
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return normalize(percentDecoded(path)).filter(byName::containsKey);
    }

    /**
     * The bytes of an entry found by {@link #resolve}, at most {@link Limits#maxFileBytes()} of them and never
     * beyond what is left of {@link Limits#maxTotalBytes()}; empty when the entry cannot be read or nothing is left.
     */
    Optional<byte[]> read(String name) {
        ZipEntry entry = byName.get(name);
        if (entry == null || exhausted()) {
            return Optional.empty();
        }
        int cap = (int) Math.min(limits.maxFileBytes(), bytesLeft);
        // the sizes in the central directory are the package maker's claim; only the bytes actually inflated count
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(cap);
            bytesLeft -= bytes.length;
            return Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the whole-package byte budget is spent, so no further file will be read. */
    boolean exhausted() {
        return bytesLeft <= 0;
    }

    /**
     * The name of a ZIP entry or a decoded href as a path inside the package ("a/./b/../c.html" → "a/c.html"),
     * or empty when it is absolute, uses backslashes, names a URL or a drive, or climbs above the root.
     */
    static Optional<String> normalize(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0 || SCHEME.matcher(name).lookingAt()) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    private static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            // URLDecoder decodes form data, where "+" means a space; in a path it is a plus
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path; // a stray "%" that is part of a file name
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
