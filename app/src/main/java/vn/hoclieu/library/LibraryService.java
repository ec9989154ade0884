package vn.hoclieu.library;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.hoclieu.library.internal.Library;
import vn.hoclieu.library.internal.LibraryRepository;

/**
 * The library directory: the one way other modules look libraries up or register them. It answers
 * with {@link LibraryView}s, never the entity, so what another module holds cannot write a library
 * or load anything lazily.
 */
@Service
@Transactional(readOnly = true)
public class LibraryService {

    /** Codes appear in URLs, OAI-PMH set specs and CSV manifests: capitals, digits and dashes only. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

    private final LibraryRepository libraries;

    LibraryService(LibraryRepository libraries) {
        this.libraries = libraries;
    }

    public Optional<LibraryView> byCode(String code) {
        return code == null || code.isBlank() ? Optional.empty()
                : libraries.findByCode(code.trim()).map(LibraryView::of);
    }

    public Optional<LibraryView> byId(Long id) {
        return id == null ? Optional.empty() : libraries.findById(id).map(LibraryView::of);
    }

    /**
     * The libraries with these ids that exist, by id, in one query: for lists that name the library
     * of each of many rows (resources, collections, partners) without asking once per row.
     */
    public Map<Long, LibraryView> byIds(Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return libraries.findAllById(wanted).stream().map(LibraryView::of)
                .collect(Collectors.toMap(LibraryView::id, Function.identity()));
    }

    /**
     * The libraries with these codes that exist, by code, in one query: for pages that name the
     * libraries of many hits and facet values, which carry codes.
     */
    public Map<String, LibraryView> byCodes(Collection<String> codes) {
        List<String> wanted = codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct()
                .toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return libraries.findByCodeIn(wanted).stream().map(LibraryView::of)
                .collect(Collectors.toMap(LibraryView::code, Function.identity()));
    }

    /** Every library, by name. */
    public List<LibraryView> all() {
        return libraries.findAll(Sort.by("name")).stream().map(LibraryView::of).toList();
    }

    /** Every library's name by its code: for pages that hold codes and show people names. */
    public Map<String, String> namesByCode() {
        return all().stream().collect(Collectors.toMap(LibraryView::code, LibraryView::name));
    }

    /** Registers a library, or updates the one with the same code. */
    @Transactional
    public LibraryView register(String code, String name, LibraryType type, String district, String ward) {
        Library library = libraries.findByCode(code)
                .map(existing -> {
                    existing.update(name, type, district, ward);
                    return existing;
                })
                .orElseGet(() -> libraries.save(new Library(code, name, type, district, ward)));
        return LibraryView.of(library);
    }

    /** The directory, by name, narrowed to one type and one district when they are given. */
    public List<LibraryView> directory(LibraryType type, String district) {
        String d = district == null || district.isBlank() ? null : district.strip();
        return all().stream().filter(l -> type == null || l.type() == type)
                .filter(l -> d == null || d.equalsIgnoreCase(l.district())).toList();
    }

    /** The districts libraries are in, for the directory's filter. */
    public List<String> districts() {
        return all().stream().map(LibraryView::district).filter(d -> d != null && !d.isBlank()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * Registers a new library for an administrator.
     *
     * @throws LibraryException 400 for a bad code, a missing name or type; 409 if the code is taken
     */
    @Transactional
    public LibraryView create(LibraryForm form) {
        String code = form.getCode() == null ? "" : form.getCode().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new LibraryException(HttpStatus.BAD_REQUEST, "code", "problem.library.badCode");
        }
        if (libraries.findByCode(code).isPresent()) {
            throw new LibraryException(HttpStatus.CONFLICT, "code", "problem.library.codeTaken", code);
        }
        checked(form);
        Library library = new Library(code, form.getName().strip(), form.getType(), trimmed(form.getDistrict()),
                trimmed(form.getWard()));
        library.setQuotaBytes(quotaOf(form));
        return LibraryView.of(libraries.save(library));
    }

    /**
     * Changes a library's name, type and address (not its code).
     *
     * @throws LibraryException 404 for an unknown code, 400 for a missing name or type
     */
    @Transactional
    public LibraryView update(String code, LibraryForm form) {
        Library library = libraries.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> notFound(code));
        checked(form);
        library.update(form.getName().strip(), form.getType(), trimmed(form.getDistrict()), trimmed(form.getWard()));
        library.setQuotaBytes(quotaOf(form));
        return LibraryView.of(library);
    }

    public static LibraryException notFound(String code) {
        return new LibraryException(HttpStatus.NOT_FOUND, null, "problem.library.notFound", code);
    }

    /** The quota in bytes ({@code quotaBytes}, else {@code quota} as {@code 500MB}); null for none. */
    private static Long quotaOf(LibraryForm form) {
        Long bytes = form.getQuotaBytes();
        if (bytes == null && form.getQuota() != null && !form.getQuota().isBlank()) {
            try {
                bytes = DataSize.parse(form.getQuota().strip().replace(" ", "")
                        .toUpperCase(Locale.ROOT)).toBytes();
            } catch (IllegalArgumentException e) {
                throw new LibraryException(HttpStatus.BAD_REQUEST, "quota", "problem.library.badQuota", form.getQuota());
            }
        }
        if (bytes != null && bytes <= 0) {
            throw new LibraryException(HttpStatus.BAD_REQUEST, "quota", "problem.library.badQuota", String.valueOf(bytes));
        }
        return bytes;
    }

    private static void checked(LibraryForm form) {
        if (form.getName() == null || form.getName().isBlank()) {
            throw new LibraryException(HttpStatus.BAD_REQUEST, "name", "problem.library.nameRequired");
        }
        if (form.getName().strip().length() > 300) {
            throw new LibraryException(HttpStatus.BAD_REQUEST, "name", "problem.library.nameTooLong", 300);
        }
        if (form.getType() == null) {
            throw new LibraryException(HttpStatus.BAD_REQUEST, "type", "problem.library.typeRequired");
        }
        for (String part : new String[] {form.getDistrict(), form.getWard()}) {
            if (part != null && part.strip().length() > 120) {
                throw new LibraryException(HttpStatus.BAD_REQUEST, null, "problem.library.addressTooLong", 120);
            }
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
