package vn.hoclieu.ingest.internal;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.Subtitles;
import vn.hoclieu.ingest.IngestProperties;
import vn.hoclieu.ingest.internal.legacy.LegacyVietnamese;
import vn.hoclieu.ingest.internal.scorm.ScormManifest;
import vn.hoclieu.ingest.internal.scorm.ScormPackage;

/**
 * Reads text and metadata with Tika's {@link AutoDetectParser} under a write limit: subtitles,
 * e-lecture packages, OCR of scans, pre-Unicode Vietnamese. A bad document becomes an
 * {@link Extraction} with a status and a reason; nothing here throws for a document's sake.
 * It runs wherever it is put — in a child process ({@link ExtractorProcess}) or, without
 * isolation, on a thread of the application — and the time limit is enforced from outside.
 */
final class TikaParsing {

    private static final Logger log = LoggerFactory.getLogger(TikaParsing.class);

    private final AutoDetectParser parser;
    /** The types the parser reads: Tika builds this map anew at each call, so it is asked once. */
    private final Map<MediaType, Parser> parsers;
    private final IngestProperties properties;
    private final LanguageDetector languages;
    private final Thumbnailer thumbnails = new Thumbnailer();
    private final TextObjectFactory textObjects = CommonTextObjectFactories.forDetectingOnLargeText();
    private final ScanPageReader scanPages;

    TikaParsing(IngestProperties properties) throws IOException {
        this.properties = properties;
        this.scanPages = new ScanPageReader(properties.ocrLanguages());
        this.parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
        this.parsers = parser.getParsers();
        this.languages = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                .build();
    }

    /**
     * Reads one file, whatever it is, and draws its preview; never throws for the file's sake. No
     * time limit here: callers set it.
     */
    Extraction read(Path file, String fileName, String declaredType) {
        return read(file, fileName, declaredType, () -> { });
    }

    /** The same, calling {@code progress} at each page or slide, so a long OCR is told from a hang. */
    Extraction read(Path file, String fileName, String declaredType, Runnable progress) {
        try (Repaired repaired = new Repaired()) {
            Extraction read = readContent(file, fileName, declaredType, progress, repaired);
            return finish(read, repaired.source(file), file, declaredType);
        }
    }

    /** Subtitles inside a video, and the preview — drawn from the repaired copy when that is what was read. */
    private Extraction finish(Extraction read, Path source, Path file, String declaredType) {
        if (read.status() == ExtractionStatus.ENCRYPTED || read.status() == ExtractionStatus.TIMED_OUT) {
            return read;
        }
        // a subtitle track inside the video is what it says; the container's own text is only its tags
        if (read.mediaType() != null && read.mediaType().startsWith("video/")) {
            List<SubtitleText.Cue> embedded = EmbeddedSubtitles.read(file);
            if (!embedded.isEmpty()) {
                read = read.withCues(repaired(embedded));
                if (read.language() == null) {
                    read = read.withLanguage(detectLanguage(read.text(), new Metadata()));
                }
            }
        }
        return thumbnails.render(source, read.mediaType() != null ? read.mediaType() : declaredType)
                .map(read::withThumbnail).orElse(read);
    }

    private Extraction readContent(Path file, String fileName, String declaredType, Runnable progress,
                                   Repaired repaired) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        try {
            if (Subtitles.isSubtitle(fileName)) {
                return subtitles(file, lower.endsWith(".vtt") ? "text/vtt" : "application/x-subrip");
            }
            // before any parser opens a ZIP container (Office, EPUB, SCORM, archives): a bomb costs a moment, not the time limit
            Optional<String> bomb = ZipBombs.check(file, ZipBombs.Use.READ);
            if (bomb.isPresent()) {
                return Extraction.failed(ExtractionStatus.FAILED, bomb.get(), declaredType);
            }
            if (ZipRepair.needed(file)) {
                return rebuiltZip(file, fileName, declaredType, progress, repaired);
            }
            return lower.endsWith(".zip")
                    ? ScormPackage.read(file).map(this::electure)
                            .orElseGet(() -> parse(file, fileName, declaredType, progress, repaired))
                    : parse(file, fileName, declaredType, progress, repaired);
        } catch (IOException e) {
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.storedFileUnreadable", e.getMessage()),
                    declaredType);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return Extraction.failed(ExtractionStatus.FAILED,
                    Reason.of("reason.tooComplex", e.getClass().getSimpleName()), declaredType);
        } catch (RuntimeException e) {
            return Extraction.failed(ExtractionStatus.FAILED, describe(e), declaredType);
        }
    }

    /**
     * A ZIP container whose central directory cannot be followed (missing, cut short, pointing nowhere) is
     * read only as the copy rebuilt from its local headers, never as it is: a reader that followed what is
     * left of its central directory could meet other entries than those the bomb check counted. A file that
     * lost content on the way (cut inside an entry, garbled between entries) stays FAILED, saying where.
     * SCORM packages among them are read as plain archives: their pages are served from the stored file,
     * which no reader can open by its central directory.
     */
    private Extraction rebuiltZip(Path file, String fileName, String declaredType, Runnable progress,
                                  Repaired repaired) throws IOException {
        Path copy = repaired.create(".zip");
        try {
            ZipRepair.rebuild(file, copy);
        } catch (ZipRepair.Unrepairable lost) {
            return Extraction.failed(ExtractionStatus.FAILED, lost.reason(), declaredType);
        } catch (ZipStructure.Hostile hostile) {
            return Extraction.failed(ExtractionStatus.FAILED, ZipBombs.reason(hostile, ZipBombs.Use.READ), declaredType);
        }
        Optional<String> bomb = ZipBombs.check(copy, ZipBombs.Use.READ);
        if (bomb.isPresent()) {
            return Extraction.failed(ExtractionStatus.FAILED, bomb.get(), declaredType);
        }
        return repaired.read(parse(copy, fileName, declaredType, progress, null), Reason.of("reason.repaired.zip"));
    }

    /**
     * A PDF that PDFBox could not open, read again from a copy without its cross-reference data
     * ({@link PdfRepair}), so that PDFBox rebuilds the table from the objects it finds. Empty when that
     * fails too: the first failure is the one to report.
     */
    private Optional<Extraction> rebuiltPdf(Path file, String fileName, String declaredType, Runnable progress,
                                            Repaired repaired) {
        try {
            Path copy = repaired.create(".pdf");
            PdfRepair.withoutCrossReferences(file, copy);
            Extraction again = parse(copy, fileName, declaredType, progress, null);
            return again.status() == ExtractionStatus.FAILED ? Optional.empty()
                    : Optional.of(repaired.read(again, Reason.of("reason.repaired.pdf")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param retry where a PDF that fails is copied for a second attempt; null for no second attempt (a
     *              repaired copy is not repaired again)
     */
    private Extraction parse(Path file, String fileName, String declaredType, Runnable progress, Repaired retry) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(new ToTextContentHandler(text),
                properties.writeLimit());
        PageMarkingHandler pages = new PageMarkingHandler(limited, progress);
        BodyContentHandler body = new BodyContentHandler(pages);

        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            detected = parser.getDetector().detect(in, metadata);
        } catch (IOException e) {
            return Extraction.failed(ExtractionStatus.FAILED,
                    Reason.of("reason.storedFileUnreadable", e.getMessage()), declaredType);
        }
        String mediaType = detected.getBaseType().toString();
        if (!parsers.containsKey(detected.getBaseType()) && !parsers.containsKey(detected)) {
            return Extraction.failed(ExtractionStatus.UNSUPPORTED, Reason.of("reason.unsupported", mediaType),
                    mediaType);
        }
        boolean image = mediaType.startsWith("image/");
        boolean pdfFile = mediaType.equals("application/pdf");
        boolean ocrWanted = (image || pdfFile) && properties.ocr();
        boolean ocr = ocrWanted && ocr().available();

        ParseContext context = new ParseContext();
        TesseractOCRConfig ocrConfig = new TesseractOCRConfig();
        ocrConfig.setLanguage(properties.ocrLanguages());
        // OCR only images uploaded as such: OCR of every embedded picture costs ~10x (see STACK.md).
        ocrConfig.setSkipOcr(!ocr);
        context.set(TesseractOCRConfig.class, ocrConfig);
        PDFParserConfig pdf = new PDFParserConfig();
        // a PDF's pages without a text layer (scans) are read afterwards, one request per page, so that
        // the pages of a long scan are spread over the workers (ScanReading)
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);

        // the type is known: the parser need not detect it again (a second read of container files)
        metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, detected.toString());
        ExtractionStatus status = ExtractionStatus.OK;
        String reason = null;
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, body, metadata, context);
        } catch (Throwable t) {
            if (WriteLimitReachedException.isWriteLimitReached(t)) {
                status = ExtractionStatus.TRUNCATED;
                reason = Reason.of("reason.truncated", properties.writeLimit());
            } else if (isEncrypted(t)) {
                return Extraction.failed(ExtractionStatus.ENCRYPTED, Reason.of("reason.encrypted"), mediaType);
            } else if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return Extraction.failed(ExtractionStatus.FAILED,
                        Reason.of("reason.tooComplex", t.getClass().getSimpleName()), mediaType);
            } else {
                log.debug("could not parse {}", fileName, t);
                if (pdfFile && retry != null) {
                    Optional<Extraction> again = rebuiltPdf(file, fileName, declaredType, progress, retry);
                    if (again.isPresent()) {
                        return again.get();
                    }
                }
                return Extraction.failed(ExtractionStatus.FAILED, describe(t), mediaType);
            }
        }
        // Old documents typed with TCVN3/VNI/VISCII fonts come out as Latin-1 garbage; the decision
        // is made per document, so French or German text is never touched. The title goes with it.
        String rawTitle = metadata.get(TikaCoreProperties.TITLE);
        String joined = (rawTitle == null ? "" : rawTitle.replace('\n', ' ')) + "\n" + tidy(text.toString());
        LegacyVietnamese.Repair repaired = LegacyVietnamese.repair(joined);
        String legacyEncoding = repaired.encoding();
        String repairedText = legacyEncoding == null ? joined : repaired.text();
        int split = repairedText.indexOf('\n');
        String title = rawTitle == null ? null : repairedText.substring(0, split);
        String content = Normalizer.normalize(repairedText.substring(split + 1), Normalizer.Form.NFC);
        Integer pageCount = firstInt(metadata, PagedText.N_PAGES.getName(), Office.PAGE_COUNT.getName(),
                Office.SLIDE_COUNT.getName());
        if (pageCount == null && pages.pages() > 0) {
            pageCount = pages.pages();
        }
        String language = detectLanguage(content, metadata);
        boolean ocrUsed = ocr && !content.isBlank() && image;
        if (reason == null && pdfFile && PdfRepair.isCutShort(file)) {
            // PDFBox reads what is left of a cut file: say that pages may be missing, or nobody would know
            reason = Reason.of("reason.pdf.cutShort");
        }
        if (reason == null && content.isBlank() && (image || pdfFile) && !ocr) {
            reason = !properties.ocr() ? Reason.of("reason.noText.ocrOff") : ocr().reason();
        }
        return new Extraction(status, reason, content, DocumentTitles.meaningful(title, fileName),
                clean(Optional.ofNullable(metadata.get(TikaCoreProperties.CREATOR))
                        .orElse(metadata.get(XMPDM.ARTIST))),
                language, pageCount, duration(metadata), ocrUsed, mediaType, null, legacyEncoding)
                .withKeywords(keywords(metadata));
    }

    /** Most subjects taken from a file's metadata, and their longest length. */
    static final int MAX_KEYWORDS = 10;
    private static final int MAX_KEYWORD_LENGTH = 100;

    /**
     * The subjects a file names for itself (Dublin Core subject, Office and PDF keywords, an HTML
     * page's keywords), split at commas and semicolons, without repeats: the uploader's form
     * starts with them.
     */
    static List<String> keywords(Metadata metadata) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : new String[] {TikaCoreProperties.SUBJECT.getName(), Office.KEYWORDS.getName(), "keywords",
                "Keywords"}) {
            for (String value : metadata.getValues(name)) {
                for (String part : value.split("[;,\\n]")) {
                    String keyword = Normalizer.normalize(part.strip(), Normalizer.Form.NFC);
                    if (!keyword.isEmpty() && keyword.length() <= MAX_KEYWORD_LENGTH && found.size() < MAX_KEYWORDS) {
                        found.putIfAbsent(keyword.toLowerCase(Locale.ROOT), keyword);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** An e-lecture package: what its manifest says and the text of its pages. */
    private Extraction electure(ScormManifest m) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {m.title(), m.description(), String.join("\n", m.organization()), m.text()}) {
            if (part != null && !part.isBlank()) {
                text.append(part.strip()).append("\n\n");
            }
        }
        String content = Normalizer.normalize(tidy(text.toString()), Normalizer.Form.NFC);
        ExtractionStatus status = ExtractionStatus.OK;
        String reason = m.launchHref() == null ? Reason.of("reason.scorm.noLaunch", m.version()) : null;
        if (content.length() > properties.writeLimit() || m.truncated()) {
            // a package too big to read whole is marked like any other long text, never cut silently
            content = content.substring(0, Math.min(content.length(), properties.writeLimit()));
            status = ExtractionStatus.TRUNCATED;
            reason = Reason.of("reason.truncated", content.length());
        }
        return new Extraction(status, reason, content, m.title(), null,
                detectLanguage(content, new Metadata()), null, null, false, "application/zip", m.launchHref(), null);
    }

    private Extraction subtitles(Path file, String mediaType) {
        try {
            Extraction read = new Extraction(ExtractionStatus.OK, null, "", null, null, null, null, null, false,
                    mediaType).withCues(repaired(SubtitleText.cues(decode(Files.readAllBytes(file)))));
            return read.withLanguage(detectLanguage(read.text(), new Metadata()));
        } catch (IOException e) {
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.subtitlesUnreadable", e.getMessage()), mediaType);
        }
    }

    /**
     * Subtitle files come in whatever their maker's tool wrote: UTF-8 or UTF-16 with a byte order
     * mark, UTF-8 without one, or an 8-bit code page, which Tika's detector guesses.
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(bytes);
            CharsetMatch match = detector.detect();
            try {
                return new String(bytes, match == null ? "windows-1252" : match.getName());
            } catch (UnsupportedEncodingException unknown) {
                return new String(bytes, Charset.forName("windows-1252"));
            }
        }
    }

    /** Cues typed with a pre-Unicode Vietnamese font are converted together (one decision per file), NFC. */
    private static List<SubtitleText.Cue> repaired(List<SubtitleText.Cue> cues) {
        String joined = SubtitleText.text(cues);
        LegacyVietnamese.Repair repair = LegacyVietnamese.repair(joined);
        String[] texts = (repair.encoding() == null ? joined : repair.text()).split("\f", -1);
        List<SubtitleText.Cue> out = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            String text = texts.length == cues.size() ? texts[i] : cues.get(i).text();
            out.add(new SubtitleText.Cue(cues.get(i).start(), Normalizer.normalize(text, Normalizer.Form.NFC)));
        }
        return out;
    }

    /**
     * One page of a PDF (0-based) read by OCR, for a scan whose pages are spread over the workers:
     * its text and language, or FAILED with the reason. No preview, no metadata: the whole file's
     * first reading has them.
     */
    Extraction ocrPage(Path pdf, int page) {
        OcrAvailability ocr = ocr();
        if (!properties.ocr() || !ocr.available()) {
            return Extraction.failed(ExtractionStatus.FAILED,
                    !properties.ocr() ? Reason.of("reason.noText.ocrOff") : ocr.reason(), PDF_TYPE);
        }
        try {
            String text = Normalizer.normalize(tidy(scanPages.read(pdf, page, properties.timeout())),
                    Normalizer.Form.NFC).replace('\f', '\n').strip();
            return new Extraction(ExtractionStatus.OK, null, text, null, null, detectLanguage(text, new Metadata()),
                    1, null, !text.isEmpty(), PDF_TYPE);
        } catch (IOException | RuntimeException e) {
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.ocr.page", page + 1, e.getMessage()),
                    PDF_TYPE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.interrupted"), PDF_TYPE);
        } catch (OutOfMemoryError e) {
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.tooComplex", "OutOfMemoryError"),
                    PDF_TYPE);
        }
    }

    static final String PDF_TYPE = "application/pdf";

    /** What the language detector keeps of a text ({@code forDetectingOnLargeText}), with room for its filters. */
    private static final int LANGUAGE_SAMPLE = 12_000;

    private String detectLanguage(String content, Metadata metadata) {
        if (content.length() >= 40) {
            // the detector keeps the first 10,000 characters of what it is given, after filtering it all
            String sample = content.length() > LANGUAGE_SAMPLE ? content.substring(0, LANGUAGE_SAMPLE) : content;
            Optional<LdLocale> found = Optional.ofNullable(languages.detect(textObjects.forText(sample)).orNull());
            if (found.isPresent()) {
                return found.get().getLanguage();
            }
        }
        String declared = metadata.get(TikaCoreProperties.LANGUAGE);
        return declared == null || declared.isBlank() ? null : declared.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    /**
     * The repaired copy of the file being read, if one was made: a temporary file, deleted when the read
     * ends. Its preview is drawn from it when it is what was read.
     */
    private static final class Repaired implements AutoCloseable {
        private Path copy;
        private boolean read;

        Path create(String suffix) throws IOException {
            close();
            copy = Files.createTempFile("hoclieu-repaired-", suffix);
            return copy;
        }

        /** The copy's extraction, saying it was repaired; the copy is what was read unless it failed. */
        Extraction read(Extraction extraction, String why) {
            if (extraction.status() == ExtractionStatus.FAILED) {
                return extraction;
            }
            read = true;
            return extraction.reason() == null ? extraction.withReason(why) : extraction;
        }

        Path source(Path file) {
            return read ? copy : file;
        }

        @Override
        public void close() {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.debug("could not delete {}", copy, e);
                }
                copy = null;
                read = false;
            }
        }
    }

    private static Double duration(Metadata metadata) {
        String raw = metadata.get(XMPDM.DURATION);
        if (raw == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(raw.trim());
            return seconds > 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer firstInt(Metadata metadata, String... names) {
        for (String name : names) {
            String v = metadata.get(name);
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException ignored) {
                    // try the next one
                }
            }
        }
        return null;
    }

    /** Whether Tesseract and its language packs are installed; checked once, reported in health. */
    OcrAvailability ocr() {
        return OcrAvailability.of(properties.ocrLanguages());
    }

    /**
     * Collapses the blank lines and trailing spaces parsers leave, keeping paragraph and page breaks:
     * the form feeds of empty first or last pages too, or every later page number would be wrong.
     */
    static String tidy(String text) {
        // one pass instead of three regular expressions: this runs over every text of every file
        StringBuilder out = new StringBuilder(text.length());
        int spacesFrom = -1;
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == 0x0B || c == '\u00A0') {
                if (spacesFrom < 0) {
                    spacesFrom = out.length();
                }
                out.append(c);
            } else if (c == '\n') {
                if (spacesFrom >= 0) {
                    out.setLength(spacesFrom); // spaces at the end of a line
                    spacesFrom = -1;
                }
                if (++newlines <= 2) {
                    out.append(c); // at most one blank line in a row
                }
            } else {
                spacesFrom = -1;
                newlines = 0;
                out.append(c);
            }
        }
        // white space at both ends, except form feeds (empty first or last pages)
        int start = 0;
        int end = out.length();
        while (start < end && isTrimmed(out.charAt(start))) {
            start++;
        }
        // as the end anchor of a regular expression: also before a last line separator of its own
        int last = end > start && "\u0085\u2028\u2029".indexOf(out.charAt(end - 1)) >= 0 ? end - 1 : end;
        int kept = last;
        while (kept > start && isTrimmed(out.charAt(kept - 1))) {
            kept--;
        }
        return kept == last ? out.substring(start, end) : out.substring(start, kept) + out.substring(last, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\r';
    }

    private static boolean isEncrypted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException
                    || c.getClass().getSimpleName().contains("Encrypted")
                    || c.getClass().getSimpleName().contains("InvalidPassword")) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Reason.of("reason.damaged", message);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    String[] ocrLanguages() {
        return Arrays.stream(properties.ocrLanguages().split("\\+")).toArray(String[]::new);
    }
}
