package vn.hoclieu.library;

import java.net.URI;
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
        return libraries.directory(type, district).stream().map(LibraryView::withoutQuota).toList();
    }

    /** The library with what other modules add for the caller: {@code materials}, {@code newest}, … */
    @GetMapping("/libraries/{code}")
    Map<String, Object> library(@PathVariable String code) {
        LibraryView library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", library.code());
        out.put("name", library.name());
        out.put("type", library.type());
        out.put("district", library.district());
        out.put("ward", library.ward());
        extras.forEach(e -> out.putAll(e.extras(library)));
        return out;
    }

    @GetMapping("/admin/libraries")
    List<LibraryView> all() {
        return libraries.all();
    }

    @PostMapping("/admin/libraries")
    ResponseEntity<LibraryView> create(@RequestBody LibraryForm form) {
        LibraryView created = libraries.create(form);
        return ResponseEntity.created(URI.create("/api/v1/libraries/" + created.code())).body(created);
    }

    @GetMapping("/admin/libraries/{code}")
    LibraryView get(@PathVariable String code) {
        return libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
    }

    @PutMapping("/admin/libraries/{code}")
    LibraryView update(@PathVariable String code, @RequestBody LibraryForm form) {
        return libraries.update(code, form);
    }
}
