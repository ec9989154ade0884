package vn.hoclieu.catalog;

import java.util.List;

/**
 * Metadata offered with an upload (the {@code metadata} part of {@code POST /api/v1/resources},
 * the upload form, or a row of an import manifest). Every field is optional; what is missing is
 * filled from the file and from the uploader's library.
 */
public record ResourceDraft(String title, List<String> creators, String description, String language,
                            List<String> subjects, List<String> audience, String materialType, String licence,
                            String visibility, String library, String publisher, String date) {

    public static ResourceDraft empty() {
        return new ResourceDraft(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
