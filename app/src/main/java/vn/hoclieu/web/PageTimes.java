package vn.hoclieu.web;

import java.time.Instant;
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

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
