package vn.hoclieu.search.internal;

/** Lets a test act at a chosen moment of a rebuild: after every resource is written, before the catch-up and swap. */
public final class RebuildSeam {

    private RebuildSeam() {
    }

    public static void afterBulkWrite(IndexRebuild rebuild, Runnable action) {
        rebuild.afterBulkWrite = action == null ? () -> { } : action;
    }
}
