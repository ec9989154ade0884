package vn.hoclieu.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;

/** Times on the review pages: the network's time zone, written the way the reader's language writes them. */
final class ReviewTimes {

    static final ReviewTimes INSTANCE = new ReviewTimes();
    private static final ZoneId NETWORK = ZoneId.of("Asia/Ho_Chi_Minh");

    private ReviewTimes() {
    }

    public String of(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(NETWORK));
    }
}
