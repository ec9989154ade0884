package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;

/**
 * How a scan's pages are shared out and put back together, with a page reader that stands in for
 * Tesseract (its real use is in {@code ScannedBookTest}): which pages are read, by whom, what the
 * text looks like while reading and after, and what a page that fails does.
 */
class ScanReadingTest {

    private static final Path SCAN = Path.of("scan.pdf");

    private static Extraction firstReading(String... pages) {
        return new Extraction(ExtractionStatus.OK, null, String.join("\f", pages), "Sổ tay", null, null,
                pages.length, null, false, "application/pdf");
    }

    @Test
    void onlyPagesWithoutATextLayerAreRead() {
        Extraction first = firstReading("Trang bìa có chữ thật sự đầy đủ", "", "  3 ", "Lời nói đầu có chữ đầy đủ", "");
        assertThat(ScanReading.pagesWithoutText(first)).containsExactly(1, 2, 4);
        // pages unknown, or the text cut by the write limit: not read page by page
        assertThat(ScanReading.pagesWithoutText(new Extraction(ExtractionStatus.OK, null, "", null, null, null,
                null, null, false, "application/pdf"))).isEmpty();
        assertThat(ScanReading.pagesWithoutText(new Extraction(ExtractionStatus.OK, null,
                "Chữ của trang đầu đầy đủ\fchữ bị cắt ngang", null, null, null, 5, null, false, "application/pdf")))
                .isEmpty();
        // no text at all, whatever page marks were left: every page is read
        assertThat(ScanReading.pagesWithoutText(new Extraction(ExtractionStatus.OK, null, "", null, null, null,
                3, null, false, "application/pdf"))).containsExactly(0, 1, 2);
    }

    @Test
    void pagesAreSharedWithAnIdleWorkerAndPutBackInPlace() throws Exception {
        Map<Integer, String> readBy = new ConcurrentHashMap<>();
        ScanReading scans = new ScanReading((file, page) -> {
            readBy.put(page, Thread.currentThread().getName());
            sleep(60);
            return new Extraction(ExtractionStatus.OK, null, "chữ của trang " + (page + 1), null, null, "vi", 1,
                    null, true, "application/pdf");
        });
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch queued = new CountDownLatch(1);
        scans.onPagesQueued(queued::countDown);
        Thread helper = new Thread(() -> {
            try {
                queued.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (reading.get()) {
                if (!scans.helpOnce()) {
                    sleep(5);
                }
            }
        }, "helper");
        helper.start();
        Extraction read;
        try {
            read = scans.read(SCAN, firstReading("Trang bìa có chữ thật sự đầy đủ", "", "", "", "", "", ""),
                    List.of(1, 2, 3, 4, 5, 6), 1_000_000, ScanReading.Listener.NONE);
        } finally {
            reading.set(false);
            helper.join();
        }
        assertThat(read.text().split("\f", -1)).containsExactly("Trang bìa có chữ thật sự đầy đủ",
                "chữ của trang 2", "chữ của trang 3", "chữ của trang 4", "chữ của trang 5", "chữ của trang 6",
                "chữ của trang 7");
        assertThat(read.ocr()).isTrue();
        assertThat(read.language()).isEqualTo("vi");
        assertThat(read.reason()).isNull();
        assertThat(read.title()).as("the first reading's metadata is kept").isEqualTo("Sổ tay");
        assertThat(readBy.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(readBy.values()).as("both the scan's own worker and the idle one read pages")
                .contains("helper", Thread.currentThread().getName());
        assertThat(scans.waiting()).isZero();
    }

    @Test
    void theTextSoFarKeepsEveryPageInItsPlaceAndSaysHowFarReadingHasCome() throws Exception {
        List<Extraction> reports = new CopyOnWriteArrayList<>();
        List<int[]> counts = new CopyOnWriteArrayList<>();
        Map<Integer, String> readBy = new ConcurrentHashMap<>();
        ScanReading scans = new ScanReading((file, page) -> {
            boolean helper = Thread.currentThread().getName().equals("helper");
            readBy.put(page, Thread.currentThread().getName());
            // the helper's page is slow: the scan's own worker reads the other three, then reports
            sleep(helper ? 2_500 : 50);
            return new Extraction(ExtractionStatus.OK, null, "trang " + (page + 1), null, null, "vi", 1, null, true,
                    "application/pdf");
        });
        Thread helper = new Thread(scans::helpOnce, "helper");
        scans.onPagesQueued(helper::start);
        Extraction read = scans.read(SCAN, firstReading("", "", "", ""), List.of(0, 1, 2, 3), 1_000_000,
                (done, total, sofar) -> {
                    counts.add(new int[] {done, total});
                    reports.add(sofar);
                });
        helper.join();
        assertThat(read.text()).isEqualTo("trang 1\ftrang 2\ftrang 3\ftrang 4");
        int slow = readBy.entrySet().stream().filter(e -> e.getValue().equals("helper")).findFirst().orElseThrow()
                .getKey();
        assertThat(counts).as("one report while the helper's page was still being read").hasSize(1);
        assertThat(counts.get(0)).containsExactly(3, 4);
        String[] sofar = reports.get(0).text().split("\f", -1);
        assertThat(sofar).hasSize(4);
        for (int page = 0; page < 4; page++) {
            assertThat(sofar[page]).as("page %d", page + 1).isEqualTo(page == slow ? "" : "trang " + (page + 1));
        }
        assertThat(Reason.code(reports.get(0).reason())).isEqualTo("reason.ocr.reading");
        assertThat(reports.get(0).status()).isEqualTo(ExtractionStatus.OK);
    }

    @Test
    void aPageThatFailsIsNamedAndTheOthersAreKept() {
        ScanReading scans = new ScanReading((file, page) -> page == 2
                ? Extraction.failed(ExtractionStatus.TIMED_OUT, Reason.of("reason.timedOut", 60), "application/pdf")
                : new Extraction(ExtractionStatus.OK, null, "trang " + (page + 1), null, null, "vi", 1, null, true,
                        "application/pdf"));
        Extraction one = scans.read(SCAN, firstReading("", "", "", ""), List.of(0, 1, 2, 3), 1_000_000,
                ScanReading.Listener.NONE);
        assertThat(one.text()).isEqualTo("trang 1\ftrang 2\f\ftrang 4");
        assertThat(one.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(Reason.code(one.reason())).isEqualTo("reason.timedOut");

        ScanReading twoFail = new ScanReading((file, page) -> page >= 2
                ? Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.ocr.page", page + 1, "x"),
                        "application/pdf")
                : new Extraction(ExtractionStatus.OK, null, "trang " + (page + 1), null, null, "vi", 1, null, true,
                        "application/pdf"));
        Extraction two = twoFail.read(SCAN, firstReading("", "", "", ""), List.of(0, 1, 2, 3), 1_000_000,
                ScanReading.Listener.NONE);
        assertThat(Reason.code(two.reason())).isEqualTo("reason.ocr.pagesFailed");
        assertThat(two.reason()).contains("3, 4");
    }

    @Test
    void aScanLongerThanTheWriteLimitIsCut() {
        ScanReading scans = new ScanReading((file, page) -> new Extraction(ExtractionStatus.OK, null,
                "x".repeat(100), null, null, null, 1, null, true, "application/pdf"));
        Extraction read = scans.read(SCAN, firstReading("", "", ""), List.of(0, 1, 2), 150,
                ScanReading.Listener.NONE);
        assertThat(read.text()).hasSize(150);
        assertThat(read.status()).isEqualTo(ExtractionStatus.TRUNCATED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
