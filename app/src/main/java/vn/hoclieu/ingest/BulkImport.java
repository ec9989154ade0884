package vn.hoclieu.ingest;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk import of a ZIP, or of a folder on the server: its files are stored one by one, then read
 * by the ingestion workers.
 */
@Entity
public class BulkImport {

    /**
     * RECEIVED: the ZIP is kept (or the folder named), files are being stored; STORED: every file has
     * an outcome; REJECTED: an unreadable ZIP or a folder that is gone.
     */
    public enum Status { RECEIVED, STORED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String source;
    private String libraryCode;
    /** The licence, type and visibility of files their metadata.csv row does not describe (V26). */
    private String defaultLicence;
    private String defaultMaterialType;
    private String defaultVisibility;
    /** For a folder import, the absolute path of the folder; null for a ZIP. */
    private String folder;

    @Column(nullable = false)
    private String createdBy;
    private String message;

    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;

    @OneToMany(mappedBy = "bulkImport", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BulkImportItem> items = new ArrayList<>();

    protected BulkImport() {
    }

    public BulkImport(String source, String libraryCode, String createdBy) {
        this.status = Status.RECEIVED;
        this.source = source;
        this.libraryCode = libraryCode;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /** An import of a folder on the server, read in place. */
    public static BulkImport ofFolder(String source, Path folder, String libraryCode, String createdBy) {
        BulkImport i = new BulkImport(source, libraryCode, createdBy);
        i.folder = folder.toString();
        return i;
    }

    public BulkImport withDefaults(ImportDefaults defaults) {
        this.defaultLicence = defaults.licence();
        this.defaultMaterialType = defaults.materialType();
        this.defaultVisibility = defaults.visibility();
        return this;
    }

    public ImportDefaults getDefaults() {
        return new ImportDefaults(defaultLicence, defaultMaterialType, defaultVisibility);
    }

    /** Lists the files to come; on a resumed import, files already listed are kept as they are. */
    public void plan(List<String> files) {
        for (String file : files) {
            if (items.stream().noneMatch(i -> i.getFile().equals(file))) {
                items.add(new BulkImportItem(this, items.size(), file));
            }
        }
    }

    /** Records a file's outcome; the first outcome stands (a resumed import meets its own files again). */
    public void record(ImportReport.Entry entry) {
        items.stream().filter(i -> i.getFile().equals(entry.file())).findFirst()
                .ifPresentOrElse(i -> {
                    if (i.getOutcome() == null) {
                        i.record(entry);
                    }
                }, () -> {
                    BulkImportItem extra = new BulkImportItem(this, items.size(), entry.file());
                    extra.record(entry);
                    items.add(extra);
                });
    }

    public void finish(Status status, String message) {
        this.status = status;
        this.message = message;
        this.finishedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Status getStatus() { return status; }
    public String getSource() { return source; }
    public String getLibraryCode() { return libraryCode; }
    public String getFolder() { return folder; }
    public String getCreatedBy() { return createdBy; }
    public String getMessage() { return message; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public List<BulkImportItem> getItems() { return items; }
}
