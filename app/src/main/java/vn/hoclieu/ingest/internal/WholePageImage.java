package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The scanner's own picture of a page, when the page is nothing else: one JPEG image drawn upright
 * over (nearly) the whole page at a resolution Tesseract reads well. Tesseract then reads the JPEG
 * as the scanner stored it, where drawing the page would decode it, resample it and convert it to
 * grey in this JVM first (about a third of a second of CPU for an A4 page at 300 dpi, an eighth of
 * the page's OCR). Anything else — several pictures, text or drawings beside the picture, a rotated
 * or flipped placement, masks, CMYK, another compression, a resolution far from 300 dpi — is drawn
 * as before ({@link ScanPageReader#render}).
 */
final class WholePageImage extends PDFStreamEngine {

    /** Operators that change nothing a page shows but the placement of what it draws. */
    private static final Set<String> PLACEMENT = Set.of("q", "Q", "cm", "gs", "w", "J", "j", "M", "d", "ri", "i");
    /** The share of the page the picture must cover. */
    private static final double MIN_COVER = 0.85;
    /** The picture's resolution on the page, in dots per inch, within which it is read as it is. */
    private static final double MIN_DPI = 200;
    private static final double MAX_DPI = 400;

    private PDImageXObject image;
    private Matrix placement;
    private int images;
    private boolean somethingElse;

    private WholePageImage() {
        addOperator(new Concatenate(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
    }

    /** A page's JPEG as the PDF stores it, and its resolution on the page. */
    record Jpeg(byte[] bytes, int dpi) {
    }

    /**
     * The page's JPEG as stored, or null when the page must be drawn (also when anything about it cannot
     * be read: drawing it then reports what is wrong, as for any page).
     */
    static Jpeg jpegOf(PDPage page) {
        try {
            return scannersJpeg(page);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Jpeg scannersJpeg(PDPage page) throws IOException {
        if (page.getRotation() % 360 != 0) {
            return null;
        }
        WholePageImage seen = new WholePageImage();
        seen.processPage(page);
        if (seen.somethingElse || seen.images != 1 || !acceptable(seen.image)) {
            return null;
        }
        PDRectangle box = page.getCropBox();
        Matrix m = seen.placement;
        // drawn upright: the unit square scaled, never sheared, rotated or mirrored
        if (m.getShearX() != 0 || m.getShearY() != 0 || m.getScaleX() <= 0 || m.getScaleY() <= 0) {
            return null;
        }
        double width = m.getScaleX();
        double height = m.getScaleY();
        double left = Math.max(box.getLowerLeftX(), m.getTranslateX());
        double right = Math.min(box.getUpperRightX(), m.getTranslateX() + width);
        double bottom = Math.max(box.getLowerLeftY(), m.getTranslateY());
        double top = Math.min(box.getUpperRightY(), m.getTranslateY() + height);
        double covered = Math.max(0, right - left) * Math.max(0, top - bottom);
        if (covered < MIN_COVER * box.getWidth() * box.getHeight()) {
            return null;
        }
        double dpiX = seen.image.getWidth() / (width / 72);
        double dpiY = seen.image.getHeight() / (height / 72);
        if (Math.min(dpiX, dpiY) < MIN_DPI || Math.max(dpiX, dpiY) > MAX_DPI) {
            return null;
        }
        try (InputStream raw = seen.image.getCOSObject().createRawInputStream()) {
            return new Jpeg(raw.readAllBytes(), (int) Math.round((dpiX + dpiY) / 2));
        }
    }

    /** A plain JPEG, grey or RGB, 8 bits, no mask, no decode array: what Tesseract decodes as the PDF shows it. */
    private static boolean acceptable(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        return filters.size() == 1 && COSName.DCT_DECODE.equals(filters.get(0))
                && image.getBitsPerComponent() == 8
                && !image.isStencil()
                && image.getCOSObject().getItem(COSName.DECODE) == null
                && image.getCOSObject().getItem(COSName.SMASK) == null
                && image.getCOSObject().getItem(COSName.MASK) == null
                && (image.getColorSpace() instanceof PDDeviceGray || image.getColorSpace() instanceof PDDeviceRGB);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (somethingElse) {
            return;
        }
        String name = operator.getName();
        if ("Do".equals(name)) {
            PDXObject drawn = operands.isEmpty() || !(operands.get(0) instanceof COSName objectName) ? null
                    : getResources().getXObject(objectName);
            if (drawn instanceof PDImageXObject picture) {
                images++;
                image = picture;
                placement = getGraphicsState().getCurrentTransformationMatrix().clone();
            } else {
                somethingElse = true; // a form may draw anything: the page is drawn
            }
            return;
        }
        if (!PLACEMENT.contains(name)) {
            somethingElse = true;
            return;
        }
        super.processOperator(operator, operands);
    }
}
