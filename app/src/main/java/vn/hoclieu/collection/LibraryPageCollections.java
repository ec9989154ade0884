package vn.hoclieu.collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.library.LibraryService;

/**
 * Adds {@code collections} (the library's public collections, as the viewer may see them) to the
 * model of the library's public page, {@code /libraries/{code}}, which another module renders: the
 * page need not know about collections, only show the attribute when it is there.
 */
@Component
class LibraryPageCollections implements HandlerInterceptor, WebMvcConfigurer {

    static final String LIBRARY_PAGE = "/libraries/{code}";

    private final CollectionService collections;
    private final LibraryService libraries;
    private final AccountService accounts;

    LibraryPageCollections(CollectionService collections, LibraryService libraries, AccountService accounts) {
        this.collections = collections;
        this.libraries = libraries;
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/libraries/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !page.hasView() || page.getViewName() == null || page.getViewName().startsWith("redirect:")
                || !"GET".equals(request.getMethod())
                || !LIBRARY_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
            return;
        }
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> m && m.get("code") instanceof String code) {
            libraries.byCode(code).ifPresent(library -> page.addObject("collections",
                    collections.publicCollectionsOf(library.id(), accounts.currentViewer())));
        }
    }
}
