package vn.hoclieu.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory for everyone ({@code /api/v1/libraries}) and its upkeep for administrators
 * ({@code /api/v1/admin/libraries}; security lets only them in).
 */
@RestController
@RequestMapping("/api/v1")
class LibraryApiController {

    private final LibraryService libraries;
    private final List<LibraryPageExtras> extras;

    LibraryApiController(LibraryService libraries, List<LibraryPageExtras> extras) {
        this.libraries = libraries;
        this.extras = extras;
    }

    @GetMapping("/libraries")
    List<LibraryView> directory(@RequestParam(required = false) LibraryType type,
                                @RequestParam(required = false) String district) {
        return libraries.directory(type, district).stream().map(LibraryView::of).toList();
    }

    /** The library with what other modules add for the caller: {@code materials}, {@code newest}, … */
    @GetMapping("/libraries/{code}")
    Map<String, Object> library(@PathVariable String code) {
        Library library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        Map<String, Object> out = new LinkedHashMap<>();
        LibraryView view = LibraryView.of(library);
        out.put("code", view.code());
        out.put("name", view.name());
        out.put("type", view.type());
        out.put("district", view.district());
        out.put("ward", view.ward());
        extras.forEach(e -> out.putAll(e.extras(library)));
        return out;
    }

    @GetMapping("/admin/libraries")
    List<LibraryView> all() {
        return libraries.all().stream().map(LibraryView::forAdministrators).toList();
    }

    @PostMapping("/admin/libraries")
    ResponseEntity<LibraryView> create(@RequestBody LibraryForm form) {
        LibraryView created = LibraryView.forAdministrators(libraries.create(form));
        return ResponseEntity.created(java.net.URI.create("/api/v1/libraries/" + created.code())).body(created);
    }

    @GetMapping("/admin/libraries/{code}")
    LibraryView get(@PathVariable String code) {
        return LibraryView.forAdministrators(libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code)));
    }

    @PutMapping("/admin/libraries/{code}")
    LibraryView update(@PathVariable String code, @RequestBody LibraryForm form) {
        return LibraryView.forAdministrators(libraries.update(code, form));
    }
}
