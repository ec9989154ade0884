package vn.hoclieu.sharing.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the sharing section, in the network's time zone (the pages serve one city). */
public final class ShareTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
