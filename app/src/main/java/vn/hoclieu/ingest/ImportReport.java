package vn.hoclieu.ingest;

import java.util.List;

/** The per-file outcome of a bulk import. */
public record ImportReport(List<Entry> entries) {

    public enum Outcome { IMPORTED, DUPLICATE, FAILED }

    /**
     * @param resourceId the new resource, or for a duplicate the existing one; null if the file failed
     */
    public record Entry(String file, Outcome outcome, Long resourceId, String message) {
    }

    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }
}
