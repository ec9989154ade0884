package vn.hoclieu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Small real files of four formats, each carrying a given word in its text, made with the libraries
 * Tika brings (PDFBox, POI): many distinct uploads for crash, backup and soak runs.
 */
public final class SmallFiles {

    private SmallFiles() {
    }

    /** File {@code n} of a mixed set: text, HTML, PDF or DOCX in turn; its name → its bytes. */
    public static Map.Entry<String, byte[]> mixed(int n, String word) {
        return switch (n % 4) {
            case 0 -> Map.entry("bai-" + n + ".txt", text(word));
            case 1 -> Map.entry("trang-" + n + ".html", html(word));
            case 2 -> Map.entry("sach-" + n + ".pdf", pdf(word));
            default -> Map.entry("giao-an-" + n + ".docx", docx(word));
        };
    }

    public static byte[] text(String word) {
        return ("Bài học về kỹ năng sống, mã " + word + ".\nHọc tập suốt đời cho mọi người.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html(String word) {
        return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang " + word
                + "</title></head><body><h1>Thư viện cộng đồng</h1><p>Tài liệu " + word
                + " cho tuần lễ học tập suốt đời.</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF; its text is ASCII (the standard Helvetica font has no Vietnamese letters). */
    public static byte[] pdf(String word) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Hoc tap suot doi: tai lieu " + word);
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF of {@code pages} pages of running ASCII text, the word on the first: a file whose reading
     * takes a worker a noticeable moment, so a queue of them builds up behind one worker.
     */
    public static byte[] book(String word, int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 11);
                    text.setLeading(14);
                    text.newLineAtOffset(72, 720);
                    if (p == 1) {
                        text.showText("Ma tai lieu " + word);
                        text.newLine();
                    }
                    for (int line = 1; line <= 45; line++) {
                        text.showText("Trang " + p + ", dong " + line + ": hoc tap suot doi, doc sach moi ngay, "
                                + "chia se tai lieu giua cac thu vien.");
                        text.newLine();
                    }
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docx(String word) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Giáo án kỹ năng đọc " + word);
            doc.createParagraph().createRun().setText("Dành cho lớp học cộng đồng.");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
