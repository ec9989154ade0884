package vn.hoclieu.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceFileRepository;

/** The catalogue's side of extraction: which file to read, and what reading it found. */
@Service
public class ExtractionResults {

    private final ResourceFileRepository files;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    ExtractionResults(ResourceFileRepository files, TransactionTemplate tx) {
        this.files = files;
        this.tx = tx;
        this.readTx = ReadTransactions.of(tx);
    }

    public Optional<FileForExtraction> fileForExtraction(long fileId) {
        return readTx.execute(status -> files.findById(fileId).map(f -> new FileForExtraction(
                f.getResource().getId(), f.getId(), f.getName(), f.getMediaType(), f.getSha256(),
                f.getResource().getLanguage())));
    }

    /**
     * Records what extraction found. Fills the resource's title, creator and language from the
     * file when the uploader gave none. Runs in the caller's transaction if there is one.
     */
    public void recordExtraction(long fileId, ExtractionOutcome outcome) {
        tx.executeWithoutResult(status -> files.findById(fileId).ifPresent(file -> {
            file.recordExtraction(outcome);
            Resource r = file.getResource();
            if (!file.isSubtitle() && file.getPosition() == firstMainPosition(r)) {
                if (outcome.title() != null && !outcome.title().isBlank()
                        && r.getTitle().equals(FileNames.title(file.getName()))) {
                    r.setTitle(MetadataRules.limit(outcome.title().strip(), 1000));
                }
                if (r.getCreators().isEmpty() && outcome.author() != null && !outcome.author().isBlank()) {
                    r.setCreators(List.of(outcome.author().strip()));
                }
                if (r.getLanguage() == null) {
                    r.setLanguage(file.getExtractedLanguage());
                }
                if (r.getSubjects().isEmpty() && !outcome.subjects().isEmpty()) {
                    r.setSubjects(MetadataRules.clean(outcome.subjects()));
                }
            }
            r.touch();
        }));
    }

    private static int firstMainPosition(Resource r) {
        return r.getFiles().stream().filter(f -> !f.isSubtitle()).mapToInt(ResourceFile::getPosition).min().orElse(0);
    }
}
