package vn.hoclieu.library;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.library.internal.LibraryRepository;

/** The library directory: the one way other modules look libraries up or register them. */
@Service
@Transactional(readOnly = true)
public class LibraryService {

    /** Codes appear in URLs, OAI-PMH set specs and CSV manifests: capitals, digits and dashes only. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

    private final LibraryRepository libraries;

    LibraryService(LibraryRepository libraries) {
        this.libraries = libraries;
    }

    public Optional<Library> byCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : libraries.findByCode(code.trim());
    }

    public Optional<Library> byId(Long id) {
        return id == null ? Optional.empty() : libraries.findById(id);
    }

    public List<Library> all() {
        return libraries.findAll(Sort.by("name"));
    }

    /** Registers a library, or updates the one with the same code. */
    @Transactional
    public Library register(String code, String name, LibraryType type, String district, String ward) {
        return libraries.findByCode(code)
                .map(existing -> {
                    existing.update(name, type, district, ward);
                    return existing;
                })
                .orElseGet(() -> libraries.save(new Library(code, name, type, district, ward)));
    }

    /** The directory, by name, narrowed to one type and one district when they are given. */
    public List<Library> directory(LibraryType type, String district) {
        String d = district == null || district.isBlank() ? null : district.strip();
        return all().stream().filter(l -> type == null || l.getType() == type)
                .filter(l -> d == null || d.equalsIgnoreCase(l.getDistrict())).toList();
    }

    /** The districts libraries are in, for the directory's filter. */
    public List<String> districts() {
        return all().stream().map(Library::getDistrict).filter(d -> d != null && !d.isBlank()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * Registers a new library for an administrator.
     *
     * @throws LibraryException 400 for a bad code, a missing name or type; 409 if the code is taken
     */
    @Transactional
    public Library create(LibraryForm form) {
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
        return libraries.save(library);
    }

    /**
     * Changes a library's name, type and address (not its code).
     *
     * @throws LibraryException 404 for an unknown code, 400 for a missing name or type
     */
    @Transactional
    public Library update(String code, LibraryForm form) {
        Library library = byCode(code).orElseThrow(() -> notFound(code));
        checked(form);
        library.update(form.getName().strip(), form.getType(), trimmed(form.getDistrict()), trimmed(form.getWard()));
        library.setQuotaBytes(quotaOf(form));
        return library;
    }

    public static LibraryException notFound(String code) {
        return new LibraryException(HttpStatus.NOT_FOUND, null, "problem.library.notFound", code);
    }

    /** The quota in bytes ({@code quotaBytes}, else {@code quota} as {@code 500MB}); null for none. */
    private static Long quotaOf(LibraryForm form) {
        Long bytes = form.getQuotaBytes();
        if (bytes == null && form.getQuota() != null && !form.getQuota().isBlank()) {
            try {
                bytes = org.springframework.util.unit.DataSize.parse(form.getQuota().strip().replace(" ", "")
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
