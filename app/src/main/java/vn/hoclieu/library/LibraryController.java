package vn.hoclieu.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory of the network's libraries, and each library's page. */
@Controller
class LibraryController {

    static final String DIRECTORY_VIEW = "library/directory";
    static final String LIBRARY_VIEW = "library/library";

    private final LibraryService libraries;
    private final List<LibraryPageExtras> extras;

    LibraryController(LibraryService libraries, List<LibraryPageExtras> extras) {
        this.libraries = libraries;
        this.extras = extras;
    }

    /** Grouped by type (in the order the plan names them), narrowed by type and district when chosen. */
    @GetMapping("/libraries")
    String directory(@RequestParam(required = false) LibraryType type,
                     @RequestParam(required = false) String district, Model model) {
        Map<LibraryType, List<LibraryView>> groups = new LinkedHashMap<>();
        for (LibraryView l : libraries.directory(type, district)) {
            groups.computeIfAbsent(l.type(), t -> new ArrayList<>()).add(l);
        }
        Map<LibraryType, List<LibraryView>> ordered = new LinkedHashMap<>();
        for (LibraryType t : LibraryType.values()) {
            if (groups.containsKey(t)) {
                ordered.put(t, groups.get(t));
            }
        }
        model.addAttribute("groups", ordered);
        model.addAttribute("types", LibraryType.values());
        model.addAttribute("districts", libraries.districts());
        model.addAttribute("type", type);
        model.addAttribute("district", district);
        return DIRECTORY_VIEW;
    }

    @GetMapping("/libraries/{code}")
    String library(@PathVariable String code, Model model) {
        LibraryView library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        model.addAttribute("library", library);
        extras.forEach(e -> model.addAllAttributes(e.extras(library)));
        return LIBRARY_VIEW;
    }
}
