package vn.hoclieu.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One file of a bulk import; its outcome is null until the file has been stored (or refused). */
@Entity
public class BulkImportItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "import_id")
    private BulkImport bulkImport;

    private int position;

    @Column(nullable = false)
    private String file;

    @Enumerated(EnumType.STRING)
    private ImportReport.Outcome outcome;

    private Long resourceId;
    private String message;

    protected BulkImportItem() {
    }

    BulkImportItem(BulkImport bulkImport, int position, String file) {
        this.bulkImport = bulkImport;
        this.position = position;
        this.file = file.length() > 1000 ? file.substring(0, 1000) : file;
    }

    void record(ImportReport.Entry entry) {
        this.outcome = entry.outcome();
        this.resourceId = entry.resourceId();
        this.message = entry.message() == null || entry.message().length() <= 2000 ? entry.message()
                : entry.message().substring(0, 2000);
    }

    public String getFile() { return file; }
    public ImportReport.Outcome getOutcome() { return outcome; }
    public Long getResourceId() { return resourceId; }
    public String getMessage() { return message; }
}
