package vn.hoclieu.search;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;

/** The results page: works without JavaScript (a form, links for facets and pages). */
@Controller
class SearchController {

    static final String VIEW = "search/results";
    /** A page parameter: the words exactly as typed, never the suggestion's results in their place. */
    static final String EXACT = "exact";

    private final SearchService search;
    private final AccountService accounts;
    private final MessageSource messages;
    private final FacetLabels labels;

    SearchController(SearchService search, AccountService accounts, MessageSource messages, FacetLabels labels) {
        this.search = search;
        this.accounts = accounts;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/search")
    String results(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        SearchRequest request;
        try {
            request = SearchRequests.from(params, 10);
            Viewer viewer = accounts.currentViewer();
            SearchPage found = search.search(request, viewer);
            // nothing found, but the suggestion finds something: its results, saying so, with a link to insist
            SearchPage instead = params.containsKey(EXACT) ? null : search.insteadOf(request, found, viewer);
            if (instead != null) {
                model.addAttribute("showingFor", found.didYouMean());
            }
            model.addAttribute("results", instead != null ? instead : found);
        } catch (SearchException e) {
            request = new SearchRequest(params.getFirst("q"), 0, 10, null, Map.of());
            model.addAttribute("error", e);
            model.addAttribute("errorMessage", messages.getMessage(e.messageCode(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("request", request);
        model.addAttribute("links", new Links(withCanonicalLanguages(params)));
        SearchPage results = (SearchPage) model.getAttribute("results");
        // the chips name the filters even when the search was refused
        model.addAttribute("labels", labels.forPage(results, SearchRequests.filters(params)));
        if (results != null) {
            Map<String, List<FacetRow>> rows = facetRows(results, request);
            model.addAttribute("facetRows", rows);
            model.addAttribute("facetShown", FACET_SHOWN);
            // a long list opens at its hidden values when one of them is chosen
            model.addAttribute("facetOpen", rows.entrySet().stream().filter(e -> e.getValue().stream().skip(FACET_SHOWN)
                    .anyMatch(FacetRow::selected)).map(Map.Entry::getKey).collect(Collectors.toSet()));
            model.addAttribute("pageNumbers", pageNumbers(results.page(), results.pages()));
            if (results.hits().isEmpty() && results.total() > 0) {
                // a page past the last (an old link, a typed number): nothing here, and a link checker should know
                model.addAttribute("beyond", true);
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
            if (results.total() == 0) {
                // queries that found something for others, and would for this viewer: a way out of a dead end
                model.addAttribute("popularQueries", search.popularQueries(accounts.currentViewer(), request.filters(), POPULAR));
            }
        }
        return VIEW;
    }

    private static final int POPULAR = 6;
    /** Values of a facet shown before "show more": a phone's screen of them. */
    static final int FACET_SHOWN = 6;
    /** Page links either side of the current one, besides the first and the last. */
    private static final int PAGES_AROUND = 2;

    /**
     * The pages to link to, from 0: the first, the last, and {@value #PAGES_AROUND} either side of the current
     * one; null where pages are left out ("…").
     */
    static List<Integer> pageNumbers(int current, int pages) {
        List<Integer> out = new ArrayList<>();
        int from = Math.max(0, current - PAGES_AROUND);
        int to = Math.min(pages - 1, current + PAGES_AROUND);
        if (from > 0) {
            out.add(0);
            if (from > 1) {
                out.add(null);
            }
        }
        for (int p = from; p <= to; p++) {
            out.add(p);
        }
        if (to < pages - 1 && to >= from) {
            if (to < pages - 2) {
                out.add(null);
            }
            out.add(pages - 1);
        }
        return out;
    }

    /** The parameters with each language in the catalogue's spelling, so that a facet's link for vi also unticks vie. */
    private static MultiValueMap<String, String> withCanonicalLanguages(MultiValueMap<String, String> params) {
        List<String> languages = SearchRequests.filters(params).get("language");
        if (languages == null) {
            return params;
        }
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>(params);
        out.put("language", languages);
        return out;
    }

    /** One checkbox of the facets form. */
    public record FacetRow(String value, long count, boolean selected) {
    }

    /**
     * The facets' values with their counts, and every chosen value even when no result carries it any
     * longer (count 0): a checkbox missing from the form would drop its filter on the next submit.
     */
    static Map<String, List<FacetRow>> facetRows(SearchPage results, SearchRequest request) {
        Map<String, List<FacetRow>> rows = new LinkedHashMap<>();
        results.facets().forEach((facet, values) -> {
            List<String> chosen = request.filters().getOrDefault(facet, List.of());
            List<FacetRow> list = new ArrayList<>();
            values.forEach(v -> list.add(new FacetRow(v.value(), v.count(), chosen.contains(v.value()))));
            rows.put(facet, list);
        });
        request.filters().forEach((facet, chosen) -> {
            List<FacetRow> list = rows.computeIfAbsent(facet, k -> new ArrayList<>());
            chosen.stream().filter(c -> list.stream().noneMatch(r -> r.value().equals(c)))
                    .forEach(c -> list.add(0, new FacetRow(c, 0, true)));
        });
        rows.values().removeIf(List::isEmpty);
        return rows;
    }

    /** A chosen filter and the link that removes it. */
    public record Chip(String facet, String value, String removeLink) {
    }

    /** Builds the links of the page (toggle a facet value, go to a page) from the current parameters. */
    public static final class Links {
        private final MultiValueMap<String, String> params;

        Links(MultiValueMap<String, String> params) {
            this.params = params;
        }

        public boolean selected(String facet, String value) {
            List<String> values = params.get(facet);
            return values != null && values.contains(value);
        }

        public String toggle(String facet, String value) {
            UriComponentsBuilder b = base("page");
            List<String> values = new ArrayList<>(params.getOrDefault(facet, List.of()));
            if (!values.remove(value)) {
                values.add(value);
            }
            b.replaceQueryParam(facet, values.toArray());
            return encoded(b);
        }

        /** The filters chosen, in the order of the facets: the chips above the results. */
        public List<Chip> chips() {
            List<Chip> out = new ArrayList<>();
            for (String facet : SearchRequests.FILTERS) {
                params.getOrDefault(facet, List.of()).stream().filter(v -> v != null && !v.isBlank()).distinct()
                        .forEach(v -> out.add(new Chip(facet, v, toggle(facet, v))));
            }
            return out;
        }

        /** The same words without any filter ("clear all"). */
        public String clearFilters() {
            List<String> without = new ArrayList<>(SearchRequests.FILTERS);
            without.add("page");
            return encoded(base(without.toArray(String[]::new)));
        }

        /** Parameters the search form keeps as they are (the order, the page size), as name → value. */
        public Map<String, String> kept() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : List.of("sort", "size")) {
                String v = params.getFirst(name);
                if (v != null && !v.isBlank()) {
                    out.put(name, v);
                }
            }
            return out;
        }

        public String page(int page) {
            return encoded(base("page").queryParam("page", page));
        }

        /** The same search (filters, sort) for other words: the "did you mean" link. */
        public String query(String q) {
            return encoded(base("page", "q", EXACT).queryParam("q", q));
        }

        /** The same search for the words exactly as typed, without a suggestion's results in their place. */
        public String exact() {
            return encoded(base("page", EXACT).queryParam(EXACT, "true"));
        }

        public String sort(String sort) {
            return encoded(base("page", "sort").queryParam("sort", sort));
        }

        /** A "+" in a value is a plus, not a space, when the link is followed. */
        private static String encoded(UriComponentsBuilder b) {
            return b.build().encode().toUriString().replace("+", "%2B");
        }

        private UriComponentsBuilder base(String... without) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search");
            params.forEach((k, v) -> {
                if (!List.of(without).contains(k)) {
                    b.queryParam(k, v.toArray());
                }
            });
            return b;
        }
    }
}
