package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.TestFiles;

/**
 * The sample library the build packages: the top-level sample-resources/ folder without the sources it is
 * generated from, copied out of the class path (a folder while developing, a jar once packaged) byte for byte.
 */
class BundledSamplesTest {

    @Test
    void theCopyIsTheRepositorysSampleLibraryWithoutItsSources() throws Exception {
        Path folder = TestFiles.sample();
        List<String> expected;
        try (Stream<Path> files = Files.walk(folder)) {
            expected = files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("src/") && !name.equals("generate.sh")).sorted().toList();
        }
        assertThat(expected).contains("metadata.csv", "libraries.csv", "hoc-tap-suot-doi.pdf", "video-tim-kiem-an-toan.vtt");

        Path copied;
        try (BundledSamples copy = BundledSamples.copy(getClass().getClassLoader())) {
            assertThat(copy).as("the build put the sample library on the class path").isNotNull();
            copied = copy.dir();
            assertThat(files(copied)).isEqualTo(expected);
            for (String name : expected) {
                assertThat(Files.mismatch(folder.resolve(name), copied.resolve(name))).as(name).isEqualTo(-1L);
            }
        }
        assertThat(copied).as("the copy is removed after the import").doesNotExist();
    }

    /** In the packaged jar the files are entries of an archive, listed by the class loader, not a folder. */
    @Test
    void theCopyIsReadFromAJarAsWellAsFromAFolder(@TempDir Path temp) throws Exception {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of(BundledSamples.LOCATION, BundledSamples.LOCATION + "metadata.csv",
                    BundledSamples.LOCATION + "ngữ văn/bài thơ.txt")) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write(("nội dung của " + name).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             BundledSamples copy = BundledSamples.copy(loader)) {
            assertThat(files(copy.dir())).containsExactly("metadata.csv", "ngữ văn/bài thơ.txt");
            assertThat(Files.readString(copy.dir().resolve("ngữ văn/bài thơ.txt")))
                    .isEqualTo("nội dung của sample-resources/ngữ văn/bài thơ.txt");
        }
    }

    @Test
    void aBuildWithoutASampleLibraryHasNothingToCopy(@TempDir Path temp) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            assertThat(BundledSamples.copy(loader)).isNull();
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
