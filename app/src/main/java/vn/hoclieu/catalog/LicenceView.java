package vn.hoclieu.catalog;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A known licence as {@code GET /api/v1/licences} lists it: the id to send in an upload's
 * {@code licence}, its name and explanation in the caller's language, its deed and permissions.
 */
public record LicenceView(String id, String name, String explanation, String deed, boolean commercialUse,
                          boolean changes, boolean shareAlike, boolean attribution) {

    static LicenceView of(Licence l, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        return new LicenceView(l.id(), messages.getMessage(l.nameKey(), null, locale),
                messages.getMessage(l.explainKey(), null, locale), l.deed(), l.commercialUse(),
                l.changes(), l.shareAlike(), l.attribution());
    }
}
