package vn.hoclieu.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default; English when chosen ({@code ?lang=en}, remembered in a cookie). API
 * clients may ask for English with {@code Accept-Language}.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hoclieu-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(WebConfig::defaultLocale);
        return resolver;
    }

    private static Locale defaultLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(request.getHeader("Accept-Language"));
                Locale best = Locale.lookup(ranges, SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: fall back to Vietnamese
            }
        }
        return VIETNAMESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
