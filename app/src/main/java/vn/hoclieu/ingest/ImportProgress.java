package vn.hoclieu.ingest;

import java.util.List;

/** Follows an import as it goes: the items it will take, then each outcome (for its page and the shell). */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** @param items the names the import's items will carry, in order, each once */
    default void planned(List<String> items) {
    }

    default void done(ImportReport.Entry entry) {
    }
}
