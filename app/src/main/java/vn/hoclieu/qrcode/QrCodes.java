package vn.hoclieu.qrcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Draws a QR code as a standalone SVG document. SVG rather than PNG: it prints sharp at any size
 * (a notice-board poster as well as a phone screen) and is a few hundred bytes of text.
 *
 * <p>Error correction level M (15% of the symbol may be lost) is the usual choice for printed
 * codes that may be creased or partly covered; the quiet zone of four modules is what scanners
 * need around the symbol.
 */
public final class QrCodes {

    /** Longest text accepted: a link, never a document. */
    public static final int MAX_TEXT = 1000;

    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /**
     * The SVG document of a QR code holding {@code text} (UTF-8).
     *
     * @throws IllegalArgumentException if the text is empty or longer than {@link #MAX_TEXT}
     */
    public static String svg(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a QR code holds 1 to " + MAX_TEXT + " characters");
        }
        BitMatrix matrix = encode(text);
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder(size * size);
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && matrix.get(x, y)) {
                    x++;
                }
                // one horizontal run of dark modules per sub-path keeps the SVG small
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }
}
