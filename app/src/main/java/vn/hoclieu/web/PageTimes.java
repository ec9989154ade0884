package vn.hoclieu.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How every page shows a moment: in the network's time zone (it serves one city), day first as
 * both Vietnamese and British readers write it. Templates call it as {@code ${@times.of(instant)}}.
 */
@Component("times")
public class PageTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** A calendar day (a reading programme's start or end), as Vietnamese dates are written. */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
