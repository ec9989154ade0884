package vn.hoclieu.exchange;

/** What an exchange package holds once written: resources, distinct files, and the files' bytes. */
public record ExportSummary(int resources, int files, long bytes) {
}
