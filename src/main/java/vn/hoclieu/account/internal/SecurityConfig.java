package vn.hoclieu.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Two filter chains: the stateless REST API (HTTP Basic, problem+json errors, no CSRF because no
 * cookies are used) and the web pages (form sign-in, CSRF on every form).
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(response, 401,
                messages.getMessage("problem.unauthorized", null, RequestContextUtils.getLocale(request)));
        AccessDeniedHandler forbidden = (request, response, e) -> problem(response, 403,
                messages.getMessage("problem.forbidden", null, RequestContextUtils.getLocale(request)));
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // same-origin framing: the resource page previews PDFs from the content endpoint
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)).frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/ingest/**").hasRole("LIBRARIAN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingest/**").hasRole("LIBRARIAN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/resources", "/api/v1/resources/**")
                        .hasRole("TEACHER")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/folder").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports").hasRole("LIBRARIAN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/**").hasRole("LIBRARIAN")
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Health for everyone (status only); its details (disk, database, OCR) for administrators, who
     * may sign in with HTTP Basic here as on the API, or arrive with their browser session.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> { })
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole("ADMIN"));
        return http.build();
    }

    /**
     * E-lecture packages set their own sandboxing CSP (scripts allowed, no same-origin rights); the
     * site's stricter policy would stop their scripts, so it is not added here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain packages(HttpSecurity http) throws Exception {
        http.securityMatcher("/resources/*/files/*/package/**")
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/signin").defaultSuccessUrl("/", false).failureUrl("/signin?error"))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/upload", "/upload/**").hasRole("TEACHER")
                        .requestMatchers("/imports/folder", "/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/ingest/**", "/imports", "/imports/**").hasRole("LIBRARIAN")
                        .anyRequest().permitAll());
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Hoclieu\"");
        }
        String json = "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\""
                + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"detail\":\"" + jsonEscape(detail) + "\"}";
        response.getWriter().write(json);
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
