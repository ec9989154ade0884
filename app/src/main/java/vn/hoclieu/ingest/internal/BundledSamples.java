package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * The sample library packaged in the application: the build copies the top-level {@code sample-resources/}
 * folder onto the class path (app/pom.xml), so a jar or a container started from any folder has it.
 * The folder importer reads a folder, so the files are copied out into a temporary one for the import,
 * which {@link #close} removes: the imported files live on in the blob store.
 */
final class BundledSamples implements AutoCloseable {

    /** Where the build puts the sample library on the class path. */
    static final String LOCATION = "sample-resources/";

    private final Path dir;

    private BundledSamples(Path dir) {
        this.dir = dir;
    }

    /** The packaged sample library copied into a new temporary folder; null when this build has none. */
    static BundledSamples copy(ClassLoader classLoader) throws IOException {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        Resource manifest = resolver.getResource("classpath:" + LOCATION + FolderImporter.MANIFEST);
        if (!manifest.exists()) {
            return null;
        }
        Path dir = Files.createTempDirectory("hoclieu-samples-");
        try {
            for (Resource r : resolver.getResources("classpath:" + LOCATION + "**")) {
                String relative = relative(r);
                // folders are listed too (a jar's entries ending in "/", a folder on disk that cannot be read as a file)
                if (relative == null || relative.isEmpty() || relative.endsWith("/") || !r.isReadable()) {
                    continue;
                }
                Path target = dir.resolve(relative).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir);
            throw e;
        }
        return new BundledSamples(dir);
    }

    /** The folder holding the copy. */
    Path dir() {
        return dir;
    }

    /** The resource's path below {@link #LOCATION}, decoded; null if it is not below it. */
    private static String relative(Resource r) throws IOException {
        String url = r.getURL().toString();
        int at = url.lastIndexOf("/" + LOCATION);
        // a jar's entries may come back with their names as they are, a folder's files percent-encoded: both decode
        return at < 0 ? null
                : URLDecoder.decode(url.substring(at + LOCATION.length() + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }
}
