package vn.hoclieu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoclieu.account.AccountService;

/** The results page: works without JavaScript (a form, links for facets and pages). */
@Controller
class SearchController {

    static final String VIEW = "search/results";

    private final SearchService search;
    private final AccountService accounts;
    private final MessageSource messages;

    SearchController(SearchService search, AccountService accounts, MessageSource messages) {
        this.search = search;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/search")
    String results(@RequestParam MultiValueMap<String, String> params, Model model) {
        SearchRequest request;
        try {
            request = SearchRequests.from(params, 10);
            model.addAttribute("results", search.search(request, accounts.currentViewer()));
        } catch (SearchException e) {
            request = new SearchRequest(params.getFirst("q"), 0, 10, null, Map.of());
            model.addAttribute("error", e);
            model.addAttribute("errorMessage", messages.getMessage(e.messageCode(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("request", request);
        model.addAttribute("links", new Links(params));
        return VIEW;
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
            return b.build().encode().toUriString().replace("+", "%2B");
        }

        public String page(int page) {
            return base("page").queryParam("page", page).build().encode().toUriString().replace("+", "%2B");
        }

        /** The same search (filters, sort) for other words: the "did you mean" link. */
        public String query(String q) {
            return base("page", "q").queryParam("q", q).build().encode().toUriString().replace("+", "%2B");
        }

        public String sort(String sort) {
            return base("page", "sort").queryParam("sort", sort).build().encode().toUriString().replace("+", "%2B");
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
