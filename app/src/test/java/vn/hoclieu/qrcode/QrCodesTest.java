package vn.hoclieu.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hoclieu.QrSvg;

/** The SVG is drawn back into pixels and read by a QR decoder: what a phone camera would do. */
class QrCodesTest {

    @Test
    void aLinkWithVietnameseTextReadsBack() throws Exception {
        String link = "http://thuvien.local:8080/reading/12?ten=Thử thách đọc 30 ngày";
        assertThat(QrSvg.decode(QrCodes.svg(link))).isEqualTo(link);
    }

    @Test
    void emptyOrOverlongTextIsRefused() {
        assertThatThrownBy(() -> QrCodes.svg("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.svg("x".repeat(QrCodes.MAX_TEXT + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
