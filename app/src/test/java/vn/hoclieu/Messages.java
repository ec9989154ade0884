package vn.hoclieu;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.hoclieu.catalog.Reason;

/** The application's own message bundles, for tests that read a stored {@link Reason} as a person would. */
public final class Messages {

    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasename("messages");
        BUNDLES.setDefaultEncoding("UTF-8");
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private Messages() {
    }

    public static String english(String storedReason) {
        return Reason.text(storedReason, BUNDLES, Locale.ENGLISH);
    }

    /** A message by its code and arguments, as an English reader sees it. */
    public static String english(String code, Object... arguments) {
        return BUNDLES.getMessage(code, arguments, Locale.ENGLISH);
    }

    public static String vietnamese(String storedReason) {
        return Reason.text(storedReason, BUNDLES, Locale.forLanguageTag("vi"));
    }
}
