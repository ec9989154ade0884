package vn.hoclieu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * Where the Debian relevance collection is, and how it is made when it is not there yet: the pinned
 * Debian packages are downloaded and checked by {@code src/bench/debian/fetch-debian-docs.sh} (apt-get
 * download, SHA-256, dpkg-deb -x; nothing is installed), and {@link BuildDebianCollection} turns them
 * into {@code documents.json} and {@code queries.json}, byte for byte the same on every machine. The
 * Debian text is never committed: it is third-party text, rebuilt where it is needed.
 *
 * <p>{@code -Drelevance.debian=DIR} (the pom passes {@code app/target/relevance-debian}); {@code
 * -Drelevance.fetch=SCRIPT} is the fetch script (the pom passes its place in the repository).
 */
final class DebianCollection {

    private DebianCollection() {
    }

    /** Builds the collection where it is missing, and says where it is ({@code exec:java@relevance-collection}). */
    public static void main(String[] args) throws IOException, InterruptedException {
        RelevanceCollection collection = loadOrBuild();
        System.out.printf("Debian relevance collection in %s: %d documents, %d query cases%n", folder().toAbsolutePath(),
                collection.materials().size(), collection.cases().size());
    }

    static Path folder() {
        return Path.of(System.getProperty("relevance.debian", "app/target/relevance-debian"));
    }

    /** The collection, fetched and built first if its folder holds none. */
    static RelevanceCollection loadOrBuild() throws IOException, InterruptedException {
        Path folder = folder();
        if (!Files.exists(folder.resolve("queries.json"))) {
            build(folder);
        }
        return RelevanceCollection.load(folder);
    }

    private static void build(Path folder) throws IOException, InterruptedException {
        String script = System.getProperty("relevance.fetch", "app/src/bench/debian/fetch-debian-docs.sh");
        Path packages = folder.resolve("debian");
        System.out.printf("No Debian collection in %s: fetching its packages and building it.%n", folder);
        Process fetch = new ProcessBuilder("sh", script, packages.toString()).inheritIO().start();
        if (fetch.waitFor() != 0) {
            throw new IllegalStateException("fetching the Debian packages failed; the command is: sh " + script + " "
                    + packages + " (it needs apt-get and Debian bookworm's package lists: apt-get update)");
        }
        BuildDebianCollection.main(new String[] {packages.toString(), folder.toString()});
    }
}
