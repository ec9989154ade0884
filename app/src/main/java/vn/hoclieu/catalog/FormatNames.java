package vn.hoclieu.catalog;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A file format as people call it ("PDF", "Word", "Video MP4") instead of its media type, in the
 * page's language: a {@code format.<media type>} message for each format the catalogue meets often.
 * A rarer type is shown as it is, which still tells a librarian what it is. The API keeps the media
 * types; pages call this ({@code @formatNames} in a template).
 */
@Component
public class FormatNames {

    private final MessageSource messages;

    FormatNames(MessageSource messages) {
        this.messages = messages;
    }

    /** The name of a media type in the page's language; null for none. */
    public String name(String mediaType) {
        return name(mediaType, LocaleContextHolder.getLocale());
    }

    /** The name of a media type (parameters such as {@code ; charset=} aside) in {@code reader}'s language. */
    public String name(String mediaType, Locale reader) {
        if (mediaType == null || mediaType.isBlank()) {
            return null;
        }
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String named = messages.getMessage("format." + type, null, null, reader);
        return named != null ? named : type;
    }
}
