package vn.hoclieu.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.FormatNames;
import vn.hoclieu.catalog.LanguageNames;
import vn.hoclieu.catalog.Licence;
import vn.hoclieu.library.LibraryService;

/**
 * Facet values and hits as the pages name them, in the page's language: a type of material, a
 * licence, a language, a library, a type of library and a file format by its name ("Tiếng Việt",
 * "Thư viện Trường THPT Ba Đình Mẫu", "PDF"); subjects and grade levels are words already. The API
 * keeps the codes (docs/api.md): only pages use this.
 */
@Component
public class FacetLabels {

    private final MessageSource messages;
    private final LanguageNames languages;
    private final FormatNames formats;
    private final LibraryService libraries;

    FacetLabels(MessageSource messages, LanguageNames languages, FormatNames formats, LibraryService libraries) {
        this.messages = messages;
        this.languages = languages;
        this.formats = formats;
        this.libraries = libraries;
    }

    /**
     * The names for one page of results: its hits, its facets and the filters chosen (a chosen value
     * may have no hit left), or only the filters when the search failed ({@code page} null). The
     * libraries among them are looked up in one query.
     */
    public Names forPage(SearchPage page, Map<String, List<String>> chosen) {
        List<String> codes = new ArrayList<>(chosen.getOrDefault("library", List.of()));
        if (page != null) {
            page.hits().forEach(h -> codes.add(h.library()));
            page.facets().getOrDefault("library", List.of()).forEach(v -> codes.add(v.value()));
        }
        Map<String, String> names = new HashMap<>();
        libraries.byCodes(codes).forEach((code, library) -> names.put(code, library.name()));
        return new Names(names, LocaleContextHolder.getLocale());
    }

    /** The names of one page, in its reader's language. */
    public final class Names {

        private final Map<String, String> libraryNames;
        private final Locale reader;

        private Names(Map<String, String> libraryNames, Locale reader) {
            this.libraryNames = libraryNames;
            this.reader = reader;
        }

        /** A facet's value by its name; a value nobody can name (an unknown code) as it is. */
        public String of(String facet, String value) {
            if (value == null) {
                return null;
            }
            return switch (facet) {
                case "materialType" -> message("materialType." + value, value);
                case "licence" -> {
                    Licence known = Licence.known(value);
                    yield known == null ? value : message(known.messageKey(), value);
                }
                case "language" -> language(value);
                case "library" -> library(value);
                case "libraryType" -> message("libraryType." + value, value);
                case "mediaType" -> formats.name(value, reader);
                default -> value;
            };
        }

        /** A language tag by its name ("Tiếng Việt"); null for none. */
        public String language(String tag) {
            return languages.name(tag, reader);
        }

        /** A library code by the library's name; null for none. */
        public String library(String code) {
            return code == null ? null : libraryNames.getOrDefault(code, code);
        }

        private String message(String key, String fallback) {
            return messages.getMessage(key, null, fallback, reader);
        }
    }
}
