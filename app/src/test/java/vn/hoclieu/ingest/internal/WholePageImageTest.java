package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/** Which scanned pages Tesseract reads as the scanner stored them, and which are drawn first. */
class WholePageImageTest {

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();

    /** A grey A4 picture at {@code dpi}, with a few dark lines as a page of text would have. */
    private static BufferedImage picture(int dpi) {
        BufferedImage image = new BufferedImage(Math.round(W / 72 * dpi), Math.round(H / 72 * dpi),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 100; y < image.getHeight() - 100; y += 60) {
            g.fillRect(100, y, image.getWidth() - 200, 12);
        }
        g.dispose();
        return image;
    }

    private interface Content {
        void draw(PDDocument doc, PDPageContentStream content) throws IOException;
    }

    private static WholePageImage.Jpeg jpegOfAPageThat(Content drawing) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                drawing.draw(doc, content);
            }
            return WholePageImage.jpegOf(page);
        }
    }

    @Test
    void aPageThatIsOneUprightJpegIsReadAsStoredAtItsResolution() throws IOException {
        WholePageImage.Jpeg jpeg = jpegOfAPageThat((doc, content) ->
                content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300), 0, 0, W, H));
        assertThat(jpeg).isNotNull();
        assertThat(jpeg.dpi()).isEqualTo(300);
        // the bytes are a JPEG file as it stands: start of image, end of image
        assertThat(jpeg.bytes()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg.bytes()[1] & 0xFF).isEqualTo(0xD8);
        assertThat(jpeg.bytes()[jpeg.bytes().length - 1] & 0xFF).isEqualTo(0xD9);

        WholePageImage.Jpeg margins = jpegOfAPageThat((doc, content) ->
                content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300), 20, 20, W - 40, H - 40));
        assertThat(margins).as("a picture with small margins is still the whole page").isNotNull();
    }

    @Test
    void everyOtherPageIsDrawn() throws IOException {
        assertThat(jpegOfAPageThat((doc, content) ->
                content.drawImage(LosslessFactory.createFromImage(doc, picture(300)), 0, 0, W, H)))
                .as("not a JPEG").isNull();
        assertThat(jpegOfAPageThat((doc, content) ->
                content.drawImage(JPEGFactory.createFromImage(doc, picture(100), 0.85f, 100), 0, 0, W, H)))
                .as("too coarse: drawn at 300 dpi").isNull();
        assertThat(jpegOfAPageThat((doc, content) ->
                content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300), 0, 0, W / 2, H / 2)))
                .as("a quarter of the page").isNull();
        assertThat(jpegOfAPageThat((doc, content) -> {
            PDImageXObject image = JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300);
            content.drawImage(image, 0, 0, W, H);
            content.drawImage(image, 0, 0, W, H);
        })).as("two pictures").isNull();
        assertThat(jpegOfAPageThat((doc, content) -> {
            content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300), 0, 0, W, H);
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(50, 50);
            content.showText("page 1");
            content.endText();
        })).as("text beside the picture").isNull();
        assertThat(jpegOfAPageThat((doc, content) ->
                content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300),
                        new Matrix(-W, 0, 0, H, W, 0))))
                .as("mirrored").isNull();
        assertThat(jpegOfAPageThat((doc, content) -> {
            content.transform(Matrix.getRotateInstance(Math.PI / 2, W, 0));
            content.drawImage(JPEGFactory.createFromImage(doc, picture(300), 0.85f, 300), 0, 0, H, W);
        })).as("turned on its side").isNull();
    }
}
