package vn.hoclieu.bench;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * The benchmark's corpus: the sample library's files plus generated documents in real formats
 * (DOCX, PPTX, PDF, ODT, EPUB, HTML, plain text), mostly Vietnamese, every one different. The
 * texts come from {@link BenchText} with a fixed seed, so a corpus is the same from run to run;
 * a complete corpus is reused (its marker file names the generator version and file count).
 */
final class BenchCorpus {

    /** Bump when the generator changes, so an old corpus is rebuilt rather than reused. */
    private static final String VERSION = "ingest-corpus-3";
    private static final String MARKER = ".complete";
    private static final long SEED = 20_251_201L;
    private static final Set<String> NOT_MATERIALS = Set.of("metadata.csv", "libraries.csv", "readme.md", "generate.sh");
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** The zip entries' time, so the same text gives the same bytes. */
    private static final long ZIP_TIME = 1_735_689_600_000L;

    /** How many files of each kind are generated (with the sample library, over 2,000 in all). */
    private enum Kind {
        TXT(420), HTML(420), DOCX(380), PDF(330), PPTX(200), ODT(200), EPUB(150);

        final int count;

        Kind(int count) {
            this.count = count;
        }
    }

    private BenchCorpus() {
    }

    /** The corpus folder, generated unless a complete one of this version is already there. */
    static Path prepare(Path dir, Path samples) throws IOException {
        return prepare(dir, samples, SEED);
    }

    /**
     * A second corpus of the same kinds and sizes, every file different from the first's (other
     * texts, other seeds) and without the sample library: what a server has already read before the
     * files that are measured; {@code round} 1, 2, … gives more of them, each different again.
     */
    static Path prepareWarmUp(Path dir, int round) throws IOException {
        return prepare(dir, null, WARM_UP_SEED + round);
    }

    private static final long WARM_UP_SEED = 20_261_206L;

    private static Path prepare(Path dir, Path samples, long seed) throws IOException {
        List<Path> sampleFiles = samples == null ? List.of() : samplesOf(samples);
        int expected = Stream.of(Kind.values()).mapToInt(k -> k.count).sum() + sampleFiles.size();
        Path marker = dir.resolve(MARKER);
        String version = VERSION + (seed == SEED ? "" : " seed " + seed) + " " + expected;
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(version)
                && files(dir).size() == expected) {
            return dir;
        }
        if (Files.isDirectory(dir) && !Files.exists(marker) && !files(dir).isEmpty()) {
            throw new IOException(dir + " holds files but is not a benchmark corpus: it is not replaced");
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.writeString(marker, "generating"); // ours, though not complete until it names the version
        for (Path sample : sampleFiles) {
            Files.copy(sample, dir.resolve(sample.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<Kind> plan = new ArrayList<>();
        for (Kind k : Kind.values()) {
            plan.addAll(Collections.nCopies(k.count, k));
        }
        // formats interleaved, so the import (in name order) meets them mixed
        Collections.shuffle(plan, new Random(seed));
        long started = System.nanoTime();
        int longPdfs = 0;
        int bigDocx = 0;
        for (int i = 0; i < plan.size(); i++) {
            Kind kind = plan.get(i);
            BenchText text = new BenchText(seed * 1_000_003L + i, i % 7 == 3);
            String name = String.format(Locale.ROOT, "%04d-%s.%s", i + 1,
                    BenchText.ascii(text.topic()).toLowerCase(Locale.ROOT).replace(' ', '-'),
                    kind.name().toLowerCase(Locale.ROOT));
            Document doc;
            if (kind == Kind.PDF && longPdfs < 30 && i % 11 == 0) {
                longPdfs++;
                doc = Document.of(text, i + 1, text.logUniform(10, 40) * 3_000);
            } else if (kind == Kind.DOCX && bigDocx < 8 && i % 13 == 0) {
                bigDocx++;
                doc = Document.of(text, i + 1, 190_000 + text.random().nextInt(20_000));
            } else {
                doc = Document.of(text, i + 1, text.logUniform(2_000, 40_000));
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                switch (kind) {
                    case TXT -> out.write(plainText(doc).getBytes(StandardCharsets.UTF_8));
                    case HTML -> out.write(html(doc).getBytes(StandardCharsets.UTF_8));
                    case DOCX -> docx(doc, out);
                    case PDF -> pdf(doc, out);
                    case PPTX -> pptx(doc, out);
                    case ODT -> odt(doc, out);
                    case EPUB -> epub(doc, out);
                }
            }
        }
        System.out.printf("Generated %d files in %s in %.0f s%n", plan.size(), dir, (System.nanoTime() - started) / 1e9);
        Files.writeString(marker, version);
        return dir;
    }

    /** The corpus files, in name order (hidden files excluded, as the folder import does). */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static List<Path> samplesOf(Path samples) throws IOException {
        return files(samples).stream()
                .filter(p -> !NOT_MATERIALS.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))).toList();
    }

    /** One generated document: title, author, language and sections of paragraphs. */
    record Document(String title, String author, String language, long seed, List<Section> sections) {

        record Section(String heading, List<String> paragraphs) {
        }

        static Document of(BenchText text, int number, int chars) {
            String title = text.title(number);
            String author = text.author();
            List<Section> sections = new ArrayList<>();
            int perSection = Math.max(1_500, Math.min(chars, 2_000 + text.random().nextInt(6_000)));
            for (int done = 0; done < chars; done += perSection) {
                sections.add(new Section(text.heading(), text.paragraphs(Math.min(perSection, chars - done))));
            }
            return new Document(title, author, text.language(), text.random().nextLong(), sections);
        }
    }

    private static String plainText(Document d) {
        StringBuilder b = new StringBuilder(d.title()).append("\n").append(d.author()).append("\n\n");
        for (Document.Section s : d.sections()) {
            b.append(s.heading().toUpperCase(Locale.ROOT)).append("\n\n");
            s.paragraphs().forEach(p -> b.append(p).append("\n\n"));
        }
        return b.toString();
    }

    private static String html(Document d) {
        return "<!DOCTYPE html>\n<html lang=\"" + d.language() + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + xml(d.title()) + "</title>\n<meta name=\"author\" content=\"" + xml(d.author()) + "\">\n</head>\n<body>\n"
                + body(d.title(), d.sections()) + "</body>\n</html>\n";
    }

    /** A title (or none) and sections as HTML elements, for web pages and e-book chapters alike. */
    private static String body(String title, List<Document.Section> sections) {
        StringBuilder b = new StringBuilder(title == null ? "" : "<h1>" + xml(title) + "</h1>\n");
        for (Document.Section s : sections) {
            b.append("<h2>").append(xml(s.heading())).append("</h2>\n");
            s.paragraphs().forEach(p -> b.append("<p>").append(xml(p)).append("</p>\n"));
        }
        return b.toString();
    }

    private static void docx(Document d, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            describe(doc.getProperties().getCoreProperties(), d);
            heading(doc, d.title(), 18);
            for (Document.Section s : d.sections()) {
                heading(doc, s.heading(), 14);
                for (String p : s.paragraphs()) {
                    doc.createParagraph().createRun().setText(p);
                }
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            doc.write(raw);
            out.write(withFixedTimes(raw.toByteArray()));
        }
    }

    /** Title and author in the Office file's properties; a fixed date, so the same text gives the same bytes. */
    private static void describe(POIXMLProperties.CoreProperties core, Document d) {
        core.setTitle(d.title());
        core.setCreator(d.author());
        core.setCreated(Optional.of(new Date(ZIP_TIME)));
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    private static void pptx(Document d, OutputStream out) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            describe(show.getProperties().getCoreProperties(), d);
            slide(show, d.title(), List.of(d.author()));
            for (Document.Section s : d.sections()) {
                // a slide holds a heading and a few short paragraphs; the rest goes on the next one
                for (int from = 0; from < s.paragraphs().size(); from += 2) {
                    slide(show, s.heading(), s.paragraphs().subList(from, Math.min(from + 2, s.paragraphs().size())));
                }
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            show.write(raw);
            out.write(withFixedTimes(raw.toByteArray()));
        }
    }

    private static void slide(XMLSlideShow show, String title, List<String> paragraphs) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox heading = slide.createTextBox();
        heading.setAnchor(new Rectangle(40, 20, 640, 60));
        XSLFTextRun run = heading.addNewTextParagraph().addNewTextRun();
        run.setText(title);
        run.setFontSize(26.0);
        run.setBold(true);
        run.setFontColor(new Color(0x1F, 0x3A, 0x68));
        XSLFTextBox body = slide.createTextBox();
        body.setAnchor(new Rectangle(40, 100, 640, 400));
        for (String p : paragraphs) {
            XSLFTextRun r = body.addNewTextParagraph().addNewTextRun();
            r.setText(p);
            r.setFontSize(14.0);
        }
    }

    private static void pdf(Document d, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            boolean unicode = Files.isRegularFile(FONT);
            PDFont font = unicode ? PDType0Font.load(doc, FONT.toFile())
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(unicode ? d.title() : BenchText.ascii(d.title()));
            info.setAuthor(unicode ? d.author() : BenchText.ascii(d.author()));
            PdfPages pages = new PdfPages(doc, font, unicode);
            pages.line(d.title(), 16);
            pages.line("", 11);
            for (Document.Section s : d.sections()) {
                pages.line(s.heading(), 13);
                for (String p : s.paragraphs()) {
                    pages.paragraph(p, 10.5f);
                }
            }
            pages.close();
            // a fixed document ID instead of one made from the clock, so the same text gives the same bytes
            Random id = new Random(d.seed());
            COSArray ids = new COSArray();
            for (int i = 0; i < 2; i++) {
                byte[] b = new byte[16];
                id.nextBytes(b);
                ids.add(new COSString(b));
            }
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
        }
    }

    /** Lays out text lines on A4 pages, starting a new page when one is full. */
    private static final class PdfPages {
        private static final float MARGIN = 56;
        private final PDDocument doc;
        private final PDFont font;
        private final boolean unicode;
        private PDPageContentStream content;
        private float y;

        PdfPages(PDDocument doc, PDFont font, boolean unicode) {
            this.doc = doc;
            this.font = font;
            this.unicode = unicode;
        }

        void paragraph(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            StringBuilder line = new StringBuilder();
            for (String word : (unicode ? text : BenchText.ascii(text)).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    line(line.toString(), size);
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            line(line.toString(), size);
            y -= size * 0.6f;
        }

        void line(String text, float size) throws IOException {
            if (content == null || y < MARGIN + size) {
                close();
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                content = new PDPageContentStream(doc, page);
                y = PDRectangle.A4.getHeight() - MARGIN;
            }
            y -= size * 1.35f;
            if (!text.isEmpty()) {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(unicode ? text : BenchText.ascii(text));
                content.endText();
            }
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    private static void odt(Document d, OutputStream out) throws IOException {
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content xmlns:office=\"" + office + "\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
                + "<office:body><office:text>");
        content.append("<text:h text:outline-level=\"1\">").append(xml(d.title())).append("</text:h>");
        for (Document.Section s : d.sections()) {
            content.append("<text:h text:outline-level=\"2\">").append(xml(s.heading())).append("</text:h>");
            s.paragraphs().forEach(p -> content.append("<text:p>").append(xml(p)).append("</text:p>"));
        }
        content.append("</office:text></office:body></office:document-content>");
        String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta xmlns:office=\"" + office
                + "\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.3\"><office:meta>"
                + "<dc:title>" + xml(d.title()) + "</dc:title><meta:initial-creator>" + xml(d.author())
                + "</meta:initial-creator><dc:language>" + d.language() + "</dc:language></office:meta>"
                + "</office:document-meta>";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("meta.xml", meta);
        parts.put("content.xml", content.toString());
        StringBuilder manifest = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\" "
                + "manifest:media-type=\"application/vnd.oasis.opendocument.text\" manifest:version=\"1.3\"/>");
        parts.keySet().forEach(name -> manifest.append("<manifest:file-entry manifest:full-path=\"").append(name)
                .append("\" manifest:media-type=\"text/xml\"/>"));
        manifest.append("</manifest:manifest>");
        try (ZipOutputStream zip = packageZip(out, "application/vnd.oasis.opendocument.text")) {
            entry(zip, "META-INF/manifest.xml", manifest.toString());
            for (Map.Entry<String, String> part : parts.entrySet()) {
                entry(zip, part.getKey(), part.getValue());
            }
        }
    }

    private static void epub(Document d, OutputStream out) throws IOException {
        String uuid = new UUID(d.seed(), ~d.seed()).toString();
        int chapters = d.sections().size();
        StringBuilder items = new StringBuilder();
        StringBuilder spine = new StringBuilder();
        StringBuilder toc = new StringBuilder();
        for (int c = 1; c <= chapters; c++) {
            items.append("<item id=\"c").append(c).append("\" href=\"c").append(c)
                    .append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
            spine.append("<itemref idref=\"c").append(c).append("\"/>");
            toc.append("<li><a href=\"c").append(c).append(".xhtml\">")
                    .append(xml(d.sections().get(c - 1).heading())).append("</a></li>");
        }
        String opf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
                + "version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"" + d.language() + "\">"
                + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"uid\">urn:uuid:" + uuid
                + "</dc:identifier><dc:title>" + xml(d.title()) + "</dc:title><dc:creator>" + xml(d.author())
                + "</dc:creator><dc:language>" + d.language() + "</dc:language>"
                + "<meta property=\"dcterms:modified\">2025-01-01T00:00:00Z</meta></metadata>"
                + "<manifest><item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
                + items + "</manifest><spine>" + spine + "</spine></package>";
        String container = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" "
                + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
                + "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
                + "</rootfiles></container>";
        try (ZipOutputStream zip = packageZip(out, "application/epub+zip")) {
            entry(zip, "META-INF/container.xml", container);
            entry(zip, "OEBPS/content.opf", opf);
            entry(zip, "OEBPS/nav.xhtml", xhtml(d.language(), d.title(),
                    "<nav epub:type=\"toc\"><h1>" + xml(d.title()) + "</h1><ol>" + toc + "</ol></nav>"));
            for (int c = 1; c <= chapters; c++) {
                Document.Section s = d.sections().get(c - 1);
                entry(zip, "OEBPS/c" + c + ".xhtml", xhtml(d.language(), s.heading(),
                        body(c == 1 ? d.title() : null, List.of(s))));
            }
        }
    }

    private static String xhtml(String language, String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                + "xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"" + language + "\" lang=\"" + language
                + "\"><head><title>" + xml(title) + "</title></head><body>" + body + "</body></html>";
    }

    /** An ODF or EPUB container: the {@code mimetype} entry first and uncompressed, as both formats require. */
    private static ZipOutputStream packageZip(OutputStream out, String mimeType) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] bytes = mimeType.getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry("mimetype");
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        e.setTime(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
        return zip;
    }

    /** POI stamps zip entries with the clock: rewritten with a fixed time, the same text gives the same bytes. */
    private static byte[] withFixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry fixed = new ZipEntry(e.getName());
                fixed.setTime(ZIP_TIME);
                copy.putNextEntry(fixed);
                in.transferTo(copy);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }
}
