package vn.hoclieu.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.IncomingFile;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourceDraft;
import vn.hoclieu.catalog.ResourceOrigin;
import vn.hoclieu.catalog.Uploads;
import vn.hoclieu.exchange.ExchangeManifest;
import vn.hoclieu.ingest.ImportItems;
import vn.hoclieu.ingest.ImportProgress;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.ingest.PackageImport;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.storage.UploadLimits;

/**
 * Imports an unpacked exchange package, resource by resource, through the same upload as every other
 * import: each file's bytes are checked against the size and SHA-256 its manifest gives before anything is
 * stored, so a file damaged on the way is named in the report and its resource left out while the others
 * come in. Description, licence and credits are kept, and each new resource records which instance and
 * library made the package and when. Bytes already in the catalogue are not stored again: the resource
 * holding them is reported ({@code DUPLICATE}, with its id), so importing a package twice changes nothing.
 */
@Component
class PackageImporter implements PackageImport {

    private final Uploads uploads;
    private final LibraryService libraries;
    private final UploadLimits limits;

    PackageImporter(Uploads uploads, LibraryService libraries, UploadLimits limits) {
        this.uploads = uploads;
        this.libraries = libraries;
        this.limits = limits;
    }

    @Override
    public boolean recognises(Path folder) {
        return ManifestReader.isPackage(folder);
    }

    @Override
    public ImportReport importPackage(Path folder, String libraryCode, Viewer importer, ImportProgress progress)
            throws IOException {
        ExchangeManifest m = ManifestReader.read(folder);
        ExchangeManifest.Source source = m.source();
        String libraryName = source.libraryName() != null ? source.libraryName() : source.library();
        ResourceOrigin origin = new ResourceOrigin(cut(source.instance()), cut(libraryName), ManifestReader.created(m));
        List<String> labels = labels(m.resources());
        progress.planned(labels);
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ImportReport.Entry entry = importOne(folder, m.resources().get(i), labels.get(i), libraryCode, importer,
                    origin);
            progress.done(entry);
            entries.add(entry);
        }
        return new ImportReport(entries);
    }

    private ImportReport.Entry importOne(Path folder, ExchangeManifest.Item item, String label, String libraryCode,
                                         Viewer importer, ResourceOrigin origin) throws IOException {
        Optional<String> wrong = ItemCheck.problem(item, label, limits.maxFileSize().toBytes());
        if (wrong.isPresent()) {
            return ImportItems.failed(label, wrong.get());
        }
        List<IncomingFile> files = new ArrayList<>();
        for (ExchangeManifest.File f : item.files()) {
            // the address was checked to be a SHA-256: no name from the package becomes a path
            Path bytes = folder.resolve(ExchangeManifest.entryOf(f.sha256())).normalize();
            Optional<String> damage = damage(bytes, f);
            if (damage.isPresent()) {
                return ImportItems.failed(label, damage.get());
            }
            files.add(new IncomingFile(f.name(), f.mediaType(), new FileSystemResource(bytes), f.size()));
        }
        ResourceDraft draft = new ResourceDraft(item.title(), item.creators(), item.description(), item.language(),
                item.subjects(), item.audience(), item.materialType(), item.licence(), item.visibility(),
                library(item.library(), libraryCode, importer), item.publisher(), item.date());
        return ImportItems.store(label, () -> uploads.submit(draft, files, importer, origin));
    }

    /** Why the file's bytes are not those the manifest describes, or empty when they are. */
    private static Optional<String> damage(Path bytes, ExchangeManifest.File f) throws IOException {
        if (!Files.isRegularFile(bytes)) {
            return Optional.of(Reason.of("reason.exchange.fileMissing", f.name()));
        }
        long size = Files.size(bytes);
        if (size != f.size()) {
            return Optional.of(Reason.of("reason.exchange.sizeMismatch", f.name(), size, f.size()));
        }
        return sha256(bytes).equals(f.sha256()) ? Optional.empty()
                : Optional.of(Reason.of("reason.exchange.damaged", f.name()));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The library the resource joins: the one chosen for the import; else the package's own library when
     * this network has one by that code and the importer may add to it; else the importer's own.
     */
    private String library(String packaged, String chosen, Viewer importer) {
        if (chosen != null) {
            return chosen;
        }
        if (packaged == null || packaged.isBlank()) {
            return null;
        }
        return libraries.byCode(packaged.strip())
                .filter(l -> importer.has(Role.ADMIN) || l.hasId(importer.libraryId()))
                .map(LibraryView::code).orElse(null);
    }

    /** Each resource's name in the import's report: its main file's, made unique, or its place in the list. */
    static List<String> labels(List<ExchangeManifest.Item> items) {
        List<String> labels = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ExchangeManifest.Item item = items.get(i);
            String name = item == null || item.files() == null || item.files().isEmpty() || item.files().get(0) == null
                    || item.files().get(0).name() == null ? "" : item.files().get(0).name();
            String base = name.replaceAll("\\p{Cntrl}", " ").strip();
            base = base.isEmpty() ? "#" + (i + 1) : cut(base, 200);
            String label = base;
            for (int n = 2; !taken.add(label); n++) {
                label = base + " (" + n + ")";
            }
            labels.add(label);
        }
        return labels;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String cut(String s) {
        return cut(s, ResourceOrigin.MAX_NAME);
    }
}
