package vn.hoclieu.ingest.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;

/**
 * The pages of scanned PDFs waiting for OCR, shared by this node's workers. The worker that read
 * a scan queues its text-less pages and reads them itself; every other worker that has nothing
 * better to do takes pages from the same queue before it claims a new file, so a 40-page scan is
 * read on every core instead of one. Pages are taken in order, so they become searchable roughly
 * from the first to the last as the owner records what has been read so far.
 *
 * <p>Only this node's workers help: a page's file is in this node's blob store, and a page is a
 * few seconds of work, too little to hand over through the database.
 */
final class ScanReading {

    /** Told how far a scan has come, with the text so far, at most every {@link #REPORT_EVERY_NANOS}. */
    interface Listener {
        Listener NONE = (done, total, sofar) -> { };

        void pagesRead(int done, int total, Extraction sofar);
    }

    /** A page with fewer letters or digits than this has no text layer worth keeping: it is read by OCR. */
    static final int MIN_LETTERS = 10;
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LinkedBlockingDeque<Task> queue = new LinkedBlockingDeque<>();
    private final BiFunction<Path, Integer, Extraction> readPage;
    private volatile Runnable wakeHelpers = () -> { };

    /** @param readPage reads one page (0-based) of a PDF by OCR, within the extraction limits */
    ScanReading(BiFunction<Path, Integer, Extraction> readPage) {
        this.readPage = readPage;
    }

    /** Called when pages are queued, so idle workers come and help. */
    void onPagesQueued(Runnable wake) {
        this.wakeHelpers = wake;
    }

    /** The pages (0-based) of a PDF's first reading that have no text layer; empty if the pages are unknown. */
    static List<Integer> pagesWithoutText(Extraction first) {
        if (first.pages() == null || first.pages() < 1) {
            return List.of();
        }
        String[] pages = pagesOf(first);
        if (pages.length != first.pages()) {
            // cut by the write limit, or pages Tika did not mark: not a scan we can read page by page
            return List.of();
        }
        List<Integer> without = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            if (pages[i].codePoints().filter(Character::isLetterOrDigit).limit(MIN_LETTERS).count() < MIN_LETTERS) {
                without.add(i);
            }
        }
        return without;
    }

    /** The first reading's text page by page; a file without any text has as many empty pages as it has pages. */
    private static String[] pagesOf(Extraction first) {
        String[] pages = first.text().split("\f", -1);
        if (pages.length != first.pages() && first.text().isBlank()) {
            pages = new String[first.pages()];
            Arrays.fill(pages, "");
        }
        return pages;
    }

    /**
     * Reads the given pages of a scan by OCR, with the help of idle workers, and returns the whole
     * file's reading: the first reading's text with the pages read in place.
     */
    Extraction read(Path file, Extraction first, List<Integer> pages, int writeLimit, Listener listener) {
        Scan scan = new Scan(file, first, pages);
        for (int page : pages) {
            queue.addLast(new Task(scan, page));
        }
        wakeHelpers.run();
        long lastReport = System.nanoTime();
        int reported = 0;
        try {
            while (!scan.complete()) {
                if (!helpOnce()) {
                    scan.awaitProgress(200);
                }
                int done = scan.done();
                if (done > reported && !scan.complete() && System.nanoTime() - lastReport >= REPORT_EVERY_NANOS) {
                    listener.pagesRead(done, pages.size(), scan.extraction(writeLimit));
                    reported = done;
                    lastReport = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.removeIf(t -> t.scan() == scan);
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.interrupted"), first.mediaType());
        }
        return scan.extraction(writeLimit);
    }

    /** Reads one queued page, of any scan; false if none is waiting. */
    boolean helpOnce() {
        Task task = queue.pollFirst();
        if (task == null) {
            return false;
        }
        task.scan().record(task.page(), readPage.apply(task.scan().file(), task.page()));
        return true;
    }

    /** Pages waiting, of every scan. */
    int waiting() {
        return queue.size();
    }

    private record Task(Scan scan, int page) {
    }

    /** One scan being read: the first reading's pages, and the OCR of each page as it comes back. */
    private static final class Scan {
        private final Path file;
        private final Extraction first;
        private final String[] texts;
        private final Map<Integer, Extraction> read = new HashMap<>();
        private final int wanted;

        Scan(Path file, Extraction first, List<Integer> pages) {
            this.file = file;
            this.first = first;
            this.texts = pagesOf(first);
            this.wanted = pages.size();
        }

        Path file() {
            return file;
        }

        synchronized void record(int page, Extraction result) {
            read.put(page, result);
            notifyAll();
        }

        synchronized int done() {
            return read.size();
        }

        synchronized boolean complete() {
            return read.size() == wanted;
        }

        synchronized void awaitProgress(long millis) throws InterruptedException {
            int before = read.size();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (read.size() == before && read.size() < wanted) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        /** The whole file as read so far: pages not yet read are empty, so page numbers stay right. */
        synchronized Extraction extraction(int writeLimit) {
            StringBuilder text = new StringBuilder();
            Map<String, Integer> languages = new HashMap<>();
            List<Integer> failed = new ArrayList<>();
            String failure = null;
            boolean ocr = false;
            for (int i = 0; i < texts.length; i++) {
                String page = texts[i];
                Extraction e = read.get(i);
                if (e != null && e.status() == ExtractionStatus.OK) {
                    page = e.text();
                    ocr |= e.ocr();
                    if (e.language() != null) {
                        languages.merge(e.language(), page.length(), Integer::sum);
                    }
                } else if (e != null) {
                    failed.add(i + 1);
                    failure = failure == null ? e.reason() : failure;
                }
                if (i > 0) {
                    text.append('\f');
                }
                text.append(page);
            }
            ExtractionStatus status = first.status();
            String reason = first.reason();
            if (read.size() < wanted) {
                reason = Reason.of("reason.ocr.reading", read.size(), wanted);
            } else if (!failed.isEmpty()) {
                reason = failed.size() == 1 ? failure : Reason.of("reason.ocr.pagesFailed", failed.size(), wanted,
                        failed.stream().limit(20).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
            }
            String all = text.toString();
            if (all.length() > writeLimit) {
                all = all.substring(0, writeLimit);
                status = ExtractionStatus.TRUNCATED;
                reason = Reason.of("reason.truncated", writeLimit);
            }
            String language = languages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(first.language());
            return new Extraction(status, reason, all, first.title(), first.author(), language, first.pages(),
                    first.durationSeconds(), ocr, first.mediaType(), first.launchPath(), first.legacyEncoding(),
                    first.thumbnail(), first.cueStarts(), first.keywords());
        }
    }
}
