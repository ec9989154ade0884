package vn.hoclieu.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;

/**
 * {@code GET /api/v1/search} and {@code /api/v1/suggest}, as the public contract (docs/api.md) says, and per
 * resource: {@code /resources/{id}/related} (more like this) and {@code /resources/{id}/search?q=}
 * (search within it).
 */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

    private final SearchService search;
    private final AccountService accounts;
    private final CatalogReads catalog;

    SearchApiController(SearchService search, AccountService accounts, CatalogReads catalog) {
        this.search = search;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** The parameters are read as one map (the filters repeat); they are listed one by one for the OpenAPI description. */
    @GetMapping("/search")
    @Operation(summary = "Search the materials the caller may see, with facets, snippets and did-you-mean")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "what to look for, with or without diacritics;"
            + " \"quoted words\" must appear together")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "page number, from 0",
            schema = @Schema(type = "integer", defaultValue = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "hits per page, at most " + SearchRequest.MAX_SIZE,
            schema = @Schema(type = "integer", defaultValue = "10"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string", defaultValue = "relevance",
            allowableValues = {"relevance", "newest", "title", "popular"}))
    @Parameter(name = "materialType", in = ParameterIn.QUERY, description = "repeatable filter",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "language", in = ParameterIn.QUERY,
            description = "repeatable filter (ISO 639-1; an ISO 639-2 code finds the same)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "subject", in = ParameterIn.QUERY, description = "repeatable filter",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "audience", in = ParameterIn.QUERY, description = "repeatable filter (grade level)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "licence", in = ParameterIn.QUERY, description = "repeatable filter (SPDX-style id)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "library", in = ParameterIn.QUERY, description = "repeatable filter (library code)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "libraryType", in = ParameterIn.QUERY, description = "repeatable filter",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "mediaType", in = ParameterIn.QUERY, description = "repeatable filter",
            array = @ArraySchema(schema = @Schema(type = "string")))
    SearchPage search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return search.search(SearchRequests.from(params, 10), accounts.currentViewer());
    }

    @GetMapping("/suggest")
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        return search.suggest(q, accounts.currentViewer());
    }

    @GetMapping("/resources/{id}/related")
    List<SearchHit> related(@PathVariable long id, @RequestParam(defaultValue = "5") int size) {
        return search.related(id, visibleTo(id), size);
    }

    @GetMapping("/resources/{id}/search")
    DocumentMatches within(@PathVariable long id, @RequestParam(defaultValue = "") String q) {
        return search.within(id, q, visibleTo(id));
    }

    /** The viewer, once it is clear they may see the resource: else the same 404 as for one that does not exist. */
    private Viewer visibleTo(long id) {
        Viewer viewer = accounts.currentViewer();
        if (catalog.find(id, viewer).isEmpty()) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id));
        }
        return viewer;
    }
}
