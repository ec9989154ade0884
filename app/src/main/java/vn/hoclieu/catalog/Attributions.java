package vn.hoclieu.catalog;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes {@link Attribution}s. Text and HTML are built from the same pieces so that they never say
 * different things; the wording comes from the messages ({@code attribution.*}).
 */
@Component
class Attributions {

    private final MessageSource messages;

    Attributions(MessageSource messages) {
        this.messages = messages;
    }

    /** @param pageUrl the absolute address of the resource's page: the source people can go back to */
    Attribution of(ResourceView r, String pageUrl, Locale locale) {
        // material that came in an exchange package is credited to the library that made it, not to ours
        String source = r.origin() != null && r.origin().library() != null ? r.origin().library()
                : r.libraryName() != null ? r.libraryName() : message("app.name", locale);
        StringBuilder text = new StringBuilder(message("attribution.title", locale, r.title()));
        StringBuilder html = new StringBuilder(message("attribution.title", locale,
                "<a href=\"" + esc(pageUrl) + "\">" + esc(r.title()) + "</a>"));
        if (!r.creators().isEmpty()) {
            String by = String.join(", ", r.creators());
            text.append(' ').append(message("attribution.by", locale, by));
            html.append(' ').append(message("attribution.by", locale, esc(by)));
        }
        text.append(", ").append(message("attribution.source", locale, source)).append(", ").append(pageUrl).append(". ");
        html.append(", ").append(message("attribution.source", locale, esc(source))).append(". ");

        Licence known = Licence.known(r.licence());
        String uri = Licence.uri(r.licence());
        if (r.licence() == null) {
            String unknown = message("attribution.licence.unknown", locale);
            text.append(unknown);
            html.append(esc(unknown));
        } else {
            String name = known != null ? message(known.messageKey(), locale) : r.licence();
            text.append(message("attribution.licence", locale, uri == null ? name : name + " (" + uri + ")"));
            html.append(message("attribution.licence", locale, uri == null ? esc(name)
                    : "<a rel=\"license\" href=\"" + esc(uri) + "\">" + esc(name) + "</a>"));
            if (known == Licence.ALL_RIGHTS_RESERVED) {
                String ask = message("attribution.askFirst", locale);
                text.append(" ").append(ask);
                html.append(" ").append(esc(ask));
            }
        }
        text.append('.');
        html.append('.');
        return new Attribution(locale.getLanguage(), text.toString(), html.toString());
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
