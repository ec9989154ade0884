package vn.hoclieu.ingest.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.CatalogFeeds;

/**
 * Finds the earlier resource whose text is nearly the same as a new file's: estimated Jaccard
 * similarity of word 3-shingles of at least {@value #THRESHOLD}, which in our tests means about 90%
 * of the text in common (another edition, or the same text as PDF and as DOCX). A linear scan over
 * the stored signatures: fine for a library's tens of thousands of files; a city network would
 * use LSH bands.
 */
@Component
class NearDuplicates {

    static final double THRESHOLD = 0.75;

    record Match(long resourceId, double similarity) {
    }

    private final CatalogFeeds catalog;

    NearDuplicates(CatalogFeeds catalog) {
        this.catalog = catalog;
    }

    Optional<Match> closest(String fingerprint, long ownResourceId) {
        if (fingerprint == null) {
            return Optional.empty();
        }
        byte[] own = TextFingerprint.decode(fingerprint);
        Match best = null;
        for (CatalogFeeds.Fingerprint other : catalog.fingerprints()) {
            if (other.resourceId() == ownResourceId) {
                continue;
            }
            double similarity = TextFingerprint.similarityOfDecoded(own, other.signature());
            if (similarity >= THRESHOLD && (best == null || similarity > best.similarity())) {
                best = new Match(other.resourceId(), similarity);
            }
        }
        return Optional.ofNullable(best);
    }
}
