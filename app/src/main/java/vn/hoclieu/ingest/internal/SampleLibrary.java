package vn.hoclieu.ingest.internal;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryType;

/**
 * On the first start of an empty catalogue, registers the sample libraries and imports the sample
 * library, so a newcomer has something to search at once: the copy packaged in the application
 * ({@link BundledSamples}), whatever folder it was started from, or the folder named by
 * {@code hoclieu.samples.dir} instead.
 */
@Component
@Order(100)
class SampleLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleLibrary.class);
    static final Viewer IMPORTER = new Viewer(0L, "system:sample-import", Role.ADMIN, null);

    private final CatalogFeeds catalog;
    private final LibraryService libraries;
    private final FolderImporter importer;
    /** The folder to import instead of the packaged sample library; null for the packaged one. */
    private final Path dir;
    private final boolean enabled;

    SampleLibrary(CatalogFeeds catalog, LibraryService libraries, FolderImporter importer,
                  @Value("${hoclieu.samples.dir:}") String dir,
                  @Value("${hoclieu.samples.import-on-start:true}") boolean enabled) {
        this.catalog = catalog;
        this.libraries = libraries;
        this.importer = importer;
        this.dir = dir == null || dir.isBlank() ? null : Path.of(dir.strip());
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!enabled || catalog.resourceCount() > 0) {
            return;
        }
        importSamples();
    }

    /** Imports the folder named by {@code hoclieu.samples.dir}, else the packaged sample library; null when there is none. */
    ImportReport importSamples() throws Exception {
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                log.warn("No sample library at {} (hoclieu.samples.dir); starting with an empty catalogue",
                        dir.toAbsolutePath());
                return null;
            }
            return importFrom(dir, dir.toAbsolutePath().toString());
        }
        try (BundledSamples bundled = BundledSamples.copy(SampleLibrary.class.getClassLoader())) {
            if (bundled == null) {
                log.info("This build carries no sample library; starting with an empty catalogue");
                return null;
            }
            return importFrom(bundled.dir(), "the application");
        }
    }

    private ImportReport importFrom(Path folder, String source) throws Exception {
        registerLibraries(folder.resolve("libraries.csv"));
        ImportReport report = importer.importFolder(folder, null, IMPORTER);
        log.info("Imported the sample library from {}: {} new, {} duplicates, {} failed",
                source, report.count(ImportReport.Outcome.IMPORTED),
                report.count(ImportReport.Outcome.DUPLICATE), report.count(ImportReport.Outcome.FAILED));
        report.entries().stream().filter(e -> e.outcome() == ImportReport.Outcome.FAILED)
                .forEach(e -> log.warn("sample {} not imported: {}", e.file(), e.message()));
        return report;
    }

    private void registerLibraries(Path csvFile) throws Exception {
        if (!Files.isRegularFile(csvFile)) {
            return;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, format)) {
            for (CSVRecord row : csv) {
                libraries.register(row.get("code"), row.get("name"), LibraryType.valueOf(row.get("type")),
                        row.get("district"), row.get("ward"));
            }
        }
    }
}
