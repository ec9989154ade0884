package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.library.LibraryService;

/**
 * Where the sample library comes from: the copy packaged in the application unless
 * {@code hoclieu.samples.dir} names a folder, which is then imported instead.
 */
class SampleLibrarySourceTest extends IntegrationTest {

    @Autowired
    CatalogFeeds catalog;
    @Autowired
    LibraryService libraries;
    @Autowired
    FolderImporter importer;
    @Autowired
    CatalogReads reads;

    @Test
    void withoutAFolderNamedThePackagedSampleLibraryIsImported() throws Exception {
        // this instance imported it on its first start: every one of its 17 materials is already there
        ImportReport again = new SampleLibrary(catalog, libraries, importer, "", true).importSamples();
        assertThat(again.entries()).hasSize(17);
        assertThat(again.count(ImportReport.Outcome.DUPLICATE)).isEqualTo(17);
    }

    @Test
    void aFolderNamedInTheSettingIsImportedInsteadOfThePackagedLibrary(@TempDir Path folder) throws Exception {
        String title = "Thư mục mẫu riêng " + UUID.randomUUID();
        Files.writeString(folder.resolve("metadata.csv"), "file,title,visibility\r\nghi-chep.txt," + title + ",PUBLIC\r\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("ghi-chep.txt"), "Ghi chép riêng của thư viện " + UUID.randomUUID(),
                StandardCharsets.UTF_8);

        ImportReport report = new SampleLibrary(catalog, libraries, importer, folder.toString(), true).importSamples();
        assertThat(report.entries()).hasSize(1);
        assertThat(report.count(ImportReport.Outcome.IMPORTED)).isEqualTo(1);
        assertThat(reads.find(report.entries().get(0).resourceId(), SampleLibrary.IMPORTER))
                .hasValueSatisfying(r -> assertThat(r.title()).isEqualTo(title));
        awaitIngestIdle();
    }

    @Test
    void aFolderNamedButMissingImportsNothing(@TempDir Path folder) throws Exception {
        Path missing = folder.resolve("khong-co");
        assertThat(new SampleLibrary(catalog, libraries, importer, missing.toString(), true).importSamples()).isNull();
    }
}
