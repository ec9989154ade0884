package vn.hoclieu.web;

import java.time.Instant;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@times.of(instant)}}, as templates written before {@code #fmt} call it: the same as
 * {@code ${#fmt.dateTime(instant)}} ({@link PageFormats}), so that both write a moment alike.
 */
@Component("times")
public class PageTimes {

    private final WebProperties settings;

    PageTimes(WebProperties settings) {
        this.settings = settings;
    }

    public String of(Instant instant) {
        return new PageFormats(LocaleContextHolder.getLocale(), settings.timeZone()).dateTime(instant);
    }
}
