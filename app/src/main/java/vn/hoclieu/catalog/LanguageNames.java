package vn.hoclieu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A language as people read it, in the page's language: "Tiếng Việt" or "Vietnamese" for {@code vi}.
 * The JDK names nearly every language in both; a {@code language.<code>} message names one it does
 * not know (Tày, Mường, Ê Đê and other languages of Vietnam). The API keeps the codes; pages call this ({@code @languageNames} in a template).
 */
@Component
public class LanguageNames {

    private final MessageSource messages;

    LanguageNames(MessageSource messages) {
        this.messages = messages;
    }

    /** One option of a language list: the tag a form sends and its name. */
    public record Choice(String tag, String name) {
    }

    /** The name of a language tag in the page's language; null for none. */
    public String name(String tag) {
        return name(tag, LocaleContextHolder.getLocale());
    }

    /**
     * The name of a language tag in {@code reader}'s language, with a capital first letter ("Tiếng
     * Anh (Vương quốc Anh)" for {@code en-gb}); the tag itself if nobody knows it. Null for none.
     */
    public String name(String tag, Locale reader) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String canonical = Languages.canonical(tag);
        String named = messages.getMessage("language." + canonical.split("-", 2)[0], null, null, reader);
        if (named != null) {
            return named;
        }
        Locale language = Locale.forLanguageTag(canonical);
        String name = language.getLanguage().isEmpty() ? "" : language.getDisplayName(reader);
        if (name.isEmpty() || language.getDisplayLanguage(reader).equalsIgnoreCase(language.getLanguage())) {
            return tag.strip(); // the JDK only echoes a code it cannot name
        }
        return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }

    /**
     * The languages a form offers ({@link Languages#OFFERED}), named in the page's language, and the
     * current one after them when it is another: a resource in Tày keeps its language when its
     * description is confirmed.
     */
    public List<Choice> choices(String current) {
        Locale reader = LocaleContextHolder.getLocale();
        List<Choice> out = new ArrayList<>();
        Languages.OFFERED.forEach(tag -> out.add(new Choice(tag, name(tag, reader))));
        String canonical = current == null || current.isBlank() ? null : Languages.canonical(current);
        if (canonical != null && !Languages.OFFERED.contains(canonical)) {
            out.add(new Choice(canonical, name(canonical, reader)));
        }
        return out;
    }
}
