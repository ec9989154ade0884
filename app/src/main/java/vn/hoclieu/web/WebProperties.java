package vn.hoclieu.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the pages ({@code hoclieu.web.*}).
 *
 * @param timeZone the time zone pages show moments in (default {@code Asia/Ho_Chi_Minh}): the
 *                 network serves one region, whatever zone its server's clock is set to; the API
 *                 keeps ISO-8601 instants in UTC
 */
@ConfigurationProperties("hoclieu.web")
public record WebProperties(ZoneId timeZone) {

    public WebProperties {
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Ho_Chi_Minh");
        }
    }
}
