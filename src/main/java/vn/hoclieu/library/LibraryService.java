package vn.hoclieu.library;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.library.internal.LibraryRepository;

/** The library directory: the one way other modules look libraries up or register them. */
@Service
@Transactional(readOnly = true)
public class LibraryService {

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
}
