package vn.hoclieu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import vn.hoclieu.Damage;
import vn.hoclieu.DamagedCorpus;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.internal.HoclieuExtraction;

/**
 * How many damaged real documents Tika alone reads, and how many Hoclieu reads, per kind of damage: the
 * originals of {@link DamagedCorpus} (EPUB, PDF and Office files from Debian's packages, and Tika's own test
 * documents), each damaged every way {@link Damage} knows. "Tika alone" is {@link AutoDetectParser} with its
 * default configuration, given the file and its name; "Hoclieu" is the application's extraction as an
 * extractor process runs it (bomb check, repairs, Tika), in this JVM. OCR is off in both.
 *
 * <p>A copy counts as <em>read</em> when the reader reports success and its text holds at least 99 % of the
 * distinct words that the same reader found in the intact file; as <em>OK, text missing</em> when it reports
 * success with less (an empty EPUB said to be fine, say); otherwise as failed. The damaged copies are written
 * to {@code target/damaged-corpus/damaged}, for a person to open. Prints Markdown tables.
 *
 * <pre>app/src/bench/damaged/fetch-damaged-corpus.sh
 * ./mvnw -B -q -pl app -am test-compile exec:java@damaged-report</pre>
 */
public final class DamagedFilesReport {

    private static final double READ = 0.99;

    private enum Outcome { READ, TEXT_MISSING, FAILED }

    /** The counts of one kind of damage. */
    private static final class Row {
        final Map<Outcome, Integer> tika = new EnumMap<>(Outcome.class);
        final Map<Outcome, Integer> hoclieu = new EnumMap<>(Outcome.class);
        final Map<String, Integer> reasons = new TreeMap<>();
        int files;

        void add(Outcome byTika, Outcome byHoclieu, String hoclieuReason) {
            files++;
            tika.merge(byTika, 1, Integer::sum);
            hoclieu.merge(byHoclieu, 1, Integer::sum);
            if (byHoclieu == Outcome.FAILED) {
                reasons.merge(hoclieuReason, 1, Integer::sum);
            }
        }

        void addAll(Row other) {
            files += other.files;
            other.tika.forEach((k, v) -> tika.merge(k, v, Integer::sum));
            other.hoclieu.forEach((k, v) -> hoclieu.merge(k, v, Integer::sum));
            other.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
        }
    }

    /** What one reader made of one file: whether it said it succeeded, and its text. */
    private record Reading(boolean ok, String text, String reason) {
    }

    private DamagedFilesReport() {
    }

    public static void main(String[] args) throws Exception {
        Optional<String> missing = DamagedCorpus.missing();
        if (missing.isPresent()) {
            System.err.println(missing.get());
            System.exit(1);
        }
        Path out = DamagedCorpus.debianFolder().getParent().resolve("damaged");
        Files.createDirectories(out);
        AutoDetectParser tika = new AutoDetectParser();
        Map<Damage, Row> rows = new EnumMap<>(Damage.class);
        Map<String, Row> bySource = new TreeMap<>();
        StringBuilder originals = new StringBuilder("| file | from | size | words read intact (Tika alone / Hoclieu) |\n"
                + "| --- | --- | ---: | ---: |\n");
        long start = System.nanoTime();
        try (HoclieuExtraction hoclieu = new HoclieuExtraction(Duration.ofMinutes(2))) {
            for (Path original : DamagedCorpus.originals()) {
                String name = original.getFileName().toString();
                Reading tikaIntact = tikaAlone(tika, original);
                Reading hoclieuIntact = hoclieu(hoclieu, original);
                originals.append("| ").append(name).append(" | ").append(DamagedCorpus.source(original)).append(" | ")
                        .append(Files.size(original) / 1024).append(" KB | ")
                        .append(words(tikaIntact)).append(" / ").append(words(hoclieuIntact)).append(" |\n");
                byte[] bytes = Files.readAllBytes(original);
                int dot = name.lastIndexOf('.');
                for (Damage damage : Damage.values()) {
                    if (!damage.appliesTo(name)) {
                        continue;
                    }
                    Path copy = Files.write(out.resolve(name.substring(0, dot) + "." + damage.name().toLowerCase()
                            + name.substring(dot)), damage.apply(bytes));
                    Reading byTika = tikaAlone(tika, copy);
                    Reading byHoclieu = hoclieu(hoclieu, copy);
                    Outcome tikaOutcome = outcome(tikaIntact, byTika);
                    Outcome hoclieuOutcome = outcome(hoclieuIntact, byHoclieu);
                    rows.computeIfAbsent(damage, d -> new Row()).add(tikaOutcome, hoclieuOutcome, byHoclieu.reason());
                    String total = "**" + DamagedCorpus.source(original) + "'s files, "
                            + (damage.recoverable() ? "with" : "without") + " their content**";
                    bySource.computeIfAbsent(total, t -> new Row()).add(tikaOutcome, hoclieuOutcome, byHoclieu.reason());
                }
            }
        }
        System.out.printf("Damaged files, %s: %d originals, %d damaged copies, %d cores, Java %s, %d s%n%n",
                LocalDate.now(), DamagedCorpus.originals().size(),
                rows.values().stream().mapToInt(r -> r.files).sum(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), (System.nanoTime() - start) / 1_000_000_000L);
        System.out.println(originals);
        System.out.println("| damage | content intact | copies | Tika alone: read / OK, text missing / failed "
                + "| Hoclieu: read / OK, text missing / FAILED | Hoclieu's reasons for FAILED |");
        System.out.println("| --- | --- | ---: | --- | --- | --- |");
        Row recoverable = new Row();
        Row lost = new Row();
        rows.forEach((damage, row) -> {
            System.out.println(line(damage.description(), damage.recoverable() ? "yes" : "no", row));
            (damage.recoverable() ? recoverable : lost).addAll(row);
        });
        bySource.forEach((total, row) -> System.out.println(line(total, total.contains("without") ? "no" : "yes", row)));
        System.out.println(line("**all with their content**", "yes", recoverable));
        System.out.println(line("**all without**", "no", lost));
        System.out.println("\nThe damaged copies are in " + out);
    }

    private static String line(String damage, String intact, Row row) {
        String reasons = row.reasons.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining("; "));
        return "| " + damage + " | " + intact + " | " + row.files + " | " + counts(row.tika) + " | "
                + counts(row.hoclieu) + " | " + reasons + " |";
    }

    private static String counts(Map<Outcome, Integer> counts) {
        return counts.getOrDefault(Outcome.READ, 0) + " / " + counts.getOrDefault(Outcome.TEXT_MISSING, 0) + " / "
                + counts.getOrDefault(Outcome.FAILED, 0);
    }

    private static Outcome outcome(Reading intact, Reading damaged) {
        if (!damaged.ok()) {
            return Outcome.FAILED;
        }
        return DamagedCorpus.coverage(intact.text(), damaged.text()) >= READ ? Outcome.READ : Outcome.TEXT_MISSING;
    }

    private static long words(Reading reading) {
        return reading.text().split("\\s+").length;
    }

    /** Tika as a program that uses it would call it: the file, its name, the default configuration; no OCR. */
    private static Reading tikaAlone(AutoDetectParser tika, Path file) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler text = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            tika.parse(in, text, metadata, context);
            return new Reading(true, text.toString(), null);
        } catch (Exception | StackOverflowError e) {
            return new Reading(false, text.toString(), e.getClass().getSimpleName());
        }
    }

    private static Reading hoclieu(HoclieuExtraction hoclieu, Path file) {
        HoclieuExtraction.Read read = hoclieu.read(file);
        boolean ok = read.status() == ExtractionStatus.OK || read.status() == ExtractionStatus.TRUNCATED;
        return new Reading(ok, read.text(), read.status() + " " + reasonCode(read.reason()));
    }

    /** A stored reason's message code, without the arguments that differ from file to file. */
    private static String reasonCode(String stored) {
        if (stored == null) {
            return "";
        }
        List<String> parts = List.of(stored.replace("\u001E", "").split("\u001F"));
        String code = parts.get(0).replaceFirst("^reason\\.", "");
        // a parser's own failure: its message says more than the code
        if (code.equals("damaged") && parts.size() > 1) {
            String message = parts.get(1);
            return "damaged: " + (message.length() > 60 ? message.substring(0, 60) + "…" : message);
        }
        return code;
    }
}
