package vn.hoclieu.exchange;

/** Follows an export as it is written: the manifest first, then each file (for the shell's progress bar). */
public interface ExportProgress {

    ExportProgress NONE = new ExportProgress() {
    };

    /** The manifest is written: this many resources, holding this many distinct files of this many bytes. */
    default void described(int resources, int files, long bytes) {
    }

    /** Another file is written; {@code files} and {@code bytes} count all written so far. */
    default void wrote(int files, long bytes) {
    }
}
