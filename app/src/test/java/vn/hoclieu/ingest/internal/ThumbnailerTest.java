package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;

class ThumbnailerTest {

    private final Thumbnailer thumbnails = new Thumbnailer();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "hoc-tap-suot-doi.pdf, application/pdf",
            "tim-kiem-thong-tin-hieu-qua.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "doc-sach-hieu-qua-poster.png, image/png",
            "doc-hieu-tho-tru-tinh-lop-10.odt, application/vnd.oasis.opendocument.text",
    })
    void rendersASmallJpegOfTheFirstPageSlideOrImage(String file, String mediaType) throws Exception {
        assertSmallJpeg(file, mediaType);
    }

    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.FFMPEG)
    void rendersASmallJpegOfAFrameOfAVideo() throws Exception {
        assertSmallJpeg("video-tim-kiem-an-toan.mp4", "video/mp4");
    }

    private void assertSmallJpeg(String file, String mediaType) throws Exception {
        byte[] jpeg = thumbnails.render(TestFiles.sample(file), mediaType).orElseThrow();
        var image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isBetween(1, Thumbnailer.WIDTH);
        assertThat(image.getHeight()).isBetween(1, Thumbnailer.WIDTH * 2);
        assertThat(jpeg.length).isLessThan(100_000);
    }

    @Test
    void anOldBinaryPowerPointShowsItsFirstSlide() throws Exception {
        Path ppt = dir.resolve("bai-giang.ppt");
        try (HSLFSlideShow show = new HSLFSlideShow();
             var out = Files.newOutputStream(ppt)) {
            show.createSlide().addTitle().setText("Bài giảng: Hàm số bậc nhất");
            show.createSlide().addTitle().setText("Trang hai");
            show.write(out);
        }
        byte[] jpeg = thumbnails.render(ppt, "application/vnd.ms-powerpoint").orElseThrow();
        var image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isEqualTo(Thumbnailer.WIDTH);
        // the title's text is drawn: not every pixel is the white background
        boolean drawn = false;
        for (int x = 0; x < image.getWidth() && !drawn; x++) {
            for (int y = 0; y < image.getHeight() && !drawn; y++) {
                drawn = (image.getRGB(x, y) & 0xFFFFFF) < 0xE0E0E0;
            }
        }
        assertThat(drawn).isTrue();
    }

    @Test
    void aPackageWithoutAPreviewOrWithAHostileOneHasNone() throws Exception {
        Path odp = dir.resolve("slides.odp");
        try (var zip = new ZipOutputStream(Files.newOutputStream(odp))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.presentation".getBytes());
            zip.putNextEntry(new ZipEntry("Thumbnails/thumbnail.png"));
            zip.write("not a picture at all".getBytes());
        }
        assertThat(thumbnails.render(odp, "application/vnd.oasis.opendocument.presentation")).isEmpty();
        assertThat(thumbnails.render(TestFiles.sample("tu-hoc-thoi-dai-so.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isEmpty();
    }

    @Test
    void textAndAudioHaveNoThumbnail() {
        assertThat(thumbnails.render(TestFiles.sample("lich-su-ha-noi.txt"), "text/plain")).isEmpty();
        assertThat(thumbnails.render(TestFiles.sample("thu-vien-noi-hoc-tap.mp3"), "audio/mpeg")).isEmpty();
    }

    @Test
    void anImageDeclaringEnormousDimensionsIsNotDecoded() throws Exception {
        Path png = dir.resolve("huge.png");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(png))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] ihdr = {'I', 'H', 'D', 'R', 0, 0, (byte) 0xC3, 0x50, 0, 0, (byte) 0xC3, 0x50, 8, 2, 0, 0, 0};
            out.writeInt(13);
            out.write(ihdr);
            CRC32 crc = new CRC32();
            crc.update(ihdr);
            out.writeInt((int) crc.getValue());
        }
        assertThat(thumbnails.render(png, "image/png")).isEmpty();
    }

    @Test
    void aDamagedPdfHasNoThumbnailAndNoException() throws Exception {
        Path pdf = dir.resolve("bad.pdf");
        Files.writeString(pdf, "%PDF-1.4 nothing here");
        assertThat(thumbnails.render(pdf, "application/pdf")).isEmpty();
    }
}
