package vn.hoclieu.ingest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.IncomingFile;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourceDraft;
import vn.hoclieu.catalog.Subtitles;
import vn.hoclieu.catalog.Uploads;
import vn.hoclieu.ingest.ImportDefaults;
import vn.hoclieu.ingest.ImportItems;
import vn.hoclieu.ingest.ImportProgress;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.ingest.PackageImport;

/**
 * Imports a folder of files, described by an optional {@code metadata.csv} manifest (the columns of
 * {@link #COLUMNS}; multiple values separated by {@code ;}), and by the import's defaults for what a
 * row leaves out.
 */
@Component
public class FolderImporter {

    static final String MANIFEST = "metadata.csv";
    /** The columns a manifest may have, in the order the template offers them; only {@code file} is required. */
    public static final List<String> COLUMNS = List.of("file", "title", "creators", "description", "language",
            "subjects", "audience", "materialType", "licence", "publisher", "date", "library", "visibility");

    private final Uploads uploads;
    private final List<PackageImport> packages;

    FolderImporter(Uploads uploads, List<PackageImport> packages) {
        this.uploads = uploads;
        this.packages = packages;
    }

    public ImportReport importFolder(Path dir, String libraryCode, Viewer importer) throws IOException {
        return importFolder(dir, libraryCode, ImportDefaults.NONE, importer, ImportProgress.NONE);
    }

    /**
     * Imports the folder: as the package it is when a {@link PackageImport} recognises it (an exchange
     * package by its manifest), else its files, described by its {@code metadata.csv} if it has one.
     */
    public ImportReport importFolder(Path folder, String libraryCode, ImportDefaults defaults, Viewer importer,
                                     ImportProgress progress) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        Path dir = folder.toAbsolutePath().normalize();
        for (PackageImport kind : packages) {
            if (kind.recognises(dir)) {
                return kind.importPackage(dir, libraryCode, importer, progress);
            }
        }
        Map<String, ResourceDraft> described = readManifest(dir.resolve(MANIFEST), libraryCode, defaults);
        Map<Path, List<Path>> materials = materials(dir);
        List<Path> mains = described.isEmpty() ? List.copyOf(materials.keySet())
                : described.keySet().stream().map(name -> dir.resolve(name).normalize()).toList();
        progress.planned(mains.stream().map(m -> dir.relativize(m).toString()).toList());
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (Path main : mains) {
            int before = entries.size();
            importOne(dir, main, materials.getOrDefault(main, List.of()), described, draftFor(libraryCode, defaults),
                    importer, entries);
            if (entries.size() > before) {
                progress.done(entries.get(entries.size() - 1));
            }
        }
        return new ImportReport(entries);
    }

    private void importOne(Path dir, Path main, List<Path> subtitles, Map<String, ResourceDraft> described,
                           ResourceDraft undescribed, Viewer importer, List<ImportReport.Entry> entries) {
        String relative = dir.relativize(main).toString();
        if (!main.startsWith(dir) || !Files.isRegularFile(main)) {
            entries.add(ImportItems.failed(relative, Reason.of("reason.import.notFound")));
            return;
        }
        List<IncomingFile> files = new ArrayList<>();
        files.add(incoming(main));
        subtitles.forEach(s -> files.add(incoming(s)));
        ResourceDraft draft = described.getOrDefault(relative, undescribed);
        entries.add(ImportItems.store(relative, () -> uploads.submit(draft, files, importer)));
    }

    private static ResourceDraft draftFor(String libraryCode, ImportDefaults defaults) {
        return new ResourceDraft(null, null, null, null, null, null, defaults.materialType(), defaults.licence(),
                defaults.visibility(), libraryCode, null, null);
    }

    private static Map<String, ResourceDraft> readManifest(Path manifest, String libraryCode, ImportDefaults defaults)
            throws IOException {
        Map<String, ResourceDraft> drafts = new LinkedHashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return drafts;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(manifest, StandardCharsets.UTF_8));
             CSVParser csv = CSVParser.parse(reader, format)) {
            for (CSVRecord row : csv) {
                String file = get(row, "file");
                if (file == null) {
                    continue;
                }
                String library = get(row, "library");
                drafts.put(file, new ResourceDraft(get(row, "title"), list(get(row, "creators")),
                        get(row, "description"), get(row, "language"), list(get(row, "subjects")),
                        list(get(row, "audience")), ImportDefaults.or(get(row, "materialType"), defaults.materialType()),
                        ImportDefaults.or(get(row, "licence"), defaults.licence()),
                        ImportDefaults.or(get(row, "visibility"), defaults.visibility()),
                        libraryCode != null ? libraryCode : library,
                        get(row, "publisher"), get(row, "date")));
            }
        }
        return drafts;
    }

    /** A manifest to fill in: the header and one example row, after a byte order mark for spreadsheets. */
    public static String template() {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = CSVFormat.EXCEL.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            csv.printRecord("bai-giang/ham-so-bac-nhat.pptx", "Hàm số bậc nhất", "Nguyễn Thị Lan;Trần Văn Minh",
                    "Bài giảng cho lớp 10, có bài tập cuối giờ", "vi", "Toán học;Hàm số", "Lớp 10", "SLIDES",
                    "CC-BY-4.0", "Trường THPT Bình Minh", "2024-09-05", "", "PUBLIC");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String v = row.get(column).replace("\uFEFF", "").strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * A spreadsheet saving "CSV UTF-8" starts the file with a byte order mark, which would otherwise stick
     * to the first column's name ({@code file}) and leave every row unread.
     */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The files to import under {@code dir} (not hidden, not the manifest) as materials, folder by
     * folder: each file that heads one, in path order, with the subtitles {@link Subtitles} joins to it.
     */
    private static Map<Path, List<Path>> materials(Path dir) throws IOException {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(dir.relativize(p)) && !p.getFileName().toString().equalsIgnoreCase(MANIFEST))
                    .sorted()
                    .forEach(p -> byFolder.computeIfAbsent(p.getParent(), parent -> new ArrayList<>()).add(p));
        }
        Map<Path, List<Path>> materials = new TreeMap<>();
        for (List<Path> files : byFolder.values()) {
            for (List<Path> material : Subtitles.group(files, p -> p.getFileName().toString())) {
                materials.put(material.get(0), material.subList(1, material.size()));
            }
        }
        return materials;
    }

    private static IncomingFile incoming(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new IncomingFile(file.getFileName().toString(), null, new FileSystemResource(file), size);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
