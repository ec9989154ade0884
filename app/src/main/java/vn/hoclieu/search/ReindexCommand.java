package vn.hoclieu.search;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hoclieu.jar reindex}: rebuilds the search index from the catalogue beside the
 * current one, swaps it in, prints progress and a summary, and tells by its exit code whether it
 * worked (0) or not (1, the old index stays in use). Run it while the server is stopped; a running
 * server rebuilds from its admin page or {@code POST /api/v1/admin/reindex} instead.
 */
@Component
public class ReindexCommand {

    private final SearchService search;

    ReindexCommand(SearchService search) {
        this.search = search;
    }

    /** @return the process exit code: 0 when the new index was swapped in, 1 when it failed */
    public int run(PrintStream out) throws InterruptedException {
        boolean terminal = System.console() != null;
        AtomicReference<RebuildStatus> outcome = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread rebuild = new Thread(() -> {
            try {
                outcome.set(search.rebuild());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "reindex");
        rebuild.start();
        long lastShown = -1;
        long lastLine = 0;
        while (rebuild.isAlive()) {
            rebuild.join(terminal ? 250 : 1_000);
            RebuildStatus s = search.rebuildStatus();
            if (s.running() && s.done() != lastShown && (terminal || System.nanoTime() - lastLine >= 5e9)) {
                out.print(progress(s, terminal));
                lastShown = s.done();
                lastLine = System.nanoTime();
            }
        }
        if (terminal) {
            out.println();
        }
        if (failure.get() != null) {
            out.println("Reindex failed: " + failure.get().getMessage());
            return 1;
        }
        RebuildStatus s = outcome.get();
        out.print(progress(s, false));
        if (s.state() != RebuildStatus.State.DONE) {
            out.println("Reindex failed: " + s.error() + ". The previous index stays in use.");
            return 1;
        }
        Duration took = Duration.between(s.startedAt(), s.finishedAt());
        out.printf(Locale.ROOT, "Reindexed %d resources in %.1f s (%.0f resources/s); %d changed meanwhile and "
                + "re-applied%n", s.done(), took.toMillis() / 1e3, s.docsPerSecond(), s.reapplied());
        return 0;
    }

    /** A progress bar on a terminal ("\r" redraws it), one line at a time in a log. */
    static String progress(RebuildStatus s, boolean terminal) {
        int width = 30;
        int filled = s.total() == 0 ? width : (int) (width * s.done() / s.total());
        String bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + s.done() + "/" + s.total()
                + " resources indexed";
        return terminal ? "\r" + bar : bar + System.lineSeparator();
    }
}
