package vn.hoclieu.account.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.servlet.LocaleResolver;
import vn.hoclieu.account.ApiProperties;

/**
 * Filter chains: the stateless REST API (HTTP Basic or a personal token, problem+json errors, no
 * CSRF because no cookies are used), the public OAI-PMH provider, and the web pages (form sign-in,
 * CSRF on every form). Sign-ins through either are throttled ({@link SignInThrottle}); an account
 * with a temporary password may only replace it ({@link PasswordChangeGate}).
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    /**
     * The site's pages and answers: scripts and styles only from our own files (no inline script,
     * style or handler anywhere, so an injected one never runs), frames only of our own content
     * (PDF previews, the sandboxed e-lecture frame), and no one else may frame us.
     */
    static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
    /** Powerful browser features no page of ours uses; full screen for the video player only. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), fullscreen=(self)";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle, ApiTokens tokens,
                            SearchRateLimit searchLimit) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problems.write(request, response, 401,
                e instanceof BadCredentialsException ? "problem.signIn.failed" : "problem.unauthorized");
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(request, response, 403,
                "problem.forbidden");
        http.securityMatcher("/api/**")
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AuthorizationFilter.class)
                .addFilterBefore(searchLimit, BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a page's previews and downloads come with the browser's session: read it for GET and HEAD only
                .securityContext(c -> c.securityContextRepository(new SessionForSafeReads()))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // same-origin framing: the resource page previews PDFs from the content endpoint
                .headers(h -> usual(h).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/account/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/ingest/**").hasRole("LIBRARIAN")
                        // librarians' statistics: their own library's; administrators' any
                        .requestMatchers(HttpMethod.GET, "/api/v1/stats", "/api/v1/stats/**").hasRole("LIBRARIAN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/review").hasRole("LIBRARIAN")
                        // a whole library's exchange package: its librarians' (the controller checks which library)
                        .requestMatchers(HttpMethod.GET, "/api/v1/libraries/*/export").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/review/**", "/api/v1/resources/*/history",
                                "/api/v1/resources/*/links", "/api/v1/collections/*/links")
                        .authenticated()
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
     * may sign in with HTTP Basic or a personal API token here as on the API, or arrive with their
     * browser session.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle, ApiTokens tokens)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                // a monitoring script signs with a personal token, as API scripts do: a password is an Argon2 hash
                // (~0.1 s of a core) on every request
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(h -> usual(h).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .httpBasic(basic -> { })
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole("ADMIN"));
        return http.build();
    }

    /**
     * E-lecture packages set their own sandboxing CSP (scripts allowed, no same-origin rights); the
     * site's stricter policy would stop their scripts, so it is not added to their pages.
     */
    @Bean
    @Order(0)
    SecurityFilterChain packages(HttpSecurity http) throws Exception {
        http.securityMatcher("/resources/*/files/*/package/**")
                .csrf(csrf -> csrf.disable())
                // the package's own pages carry the controller's sandbox; anything else answered here
                // (an error page) gets a sandbox that runs nothing
                .headers(h -> usual(h).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "sandbox; default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'self'")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /**
     * OAI-PMH is public and read-only, and harvesters may POST its requests as forms without a
     * session: no CSRF token to ask for, no session to create, nobody to authenticate.
     */
    @Bean
    @Order(1)
    SecurityFilterChain oai(HttpSecurity http) throws Exception {
        http.securityMatcher("/oai")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> usual(h).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
                            SessionRegistry sessions) throws Exception {
        http.formLogin(form -> form.loginPage("/signin").defaultSuccessUrl("/", false).failureHandler(new SignInFailures()))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut"))
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AuthorizationFilter.class)
                // any number of sessions, but known, so that changes to an account end them (AccountSessions);
                // the session id still changes at sign-in (fixation protection, Spring's default)
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/signin?expired"))
                .headers(h -> usual(h).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                // a form sent without its token (an old page, a session that ended, another site) is
                // refused with a page that says what happened and what to do, not a bare 403
                .exceptionHandling(ex -> ex.accessDeniedHandler(new RefusalPages(problems)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/account", "/account/**").authenticated()
                        .requestMatchers("/upload", "/upload/**").hasRole("TEACHER")
                        .requestMatchers("/review", "/review/**").hasRole("LIBRARIAN")
                        .requestMatchers("/dashboard", "/dashboard/**").hasRole("LIBRARIAN")
                        .requestMatchers("/my/**", "/resources/*/edit").authenticated()
                        .requestMatchers(HttpMethod.POST, "/resources/**", "/collections/**").authenticated()
                        .requestMatchers("/imports/folder", "/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/ingest/**", "/imports", "/imports/**").hasRole("LIBRARIAN")
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * The headers every answer carries, whichever chain serves it: {@code nosniff}, same-origin
     * framing, a same-origin referrer, the permissions policy, and HSTS when the request came over
     * HTTPS — directly, or through a proxy that ended TLS and said so ({@code X-Forwarded-Proto});
     * browsers ignore HSTS over plain HTTP, so believing that header cannot hurt.
     */
    static HeadersConfigurer<HttpSecurity> usual(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(false)
                        .requestMatcher(request -> request.isSecure()
                                || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    @Bean
    SearchRateLimit searchRateLimit(ApiProperties settings, ProblemResponses problems) {
        return new SearchRateLimit(settings.searchRequestsPerMinute(), problems, Clock.systemUTC());
    }

    /** The limit is a filter of the API chain only, not of every request. */
    @Bean
    FilterRegistrationBean<SearchRateLimit> searchRateLimitOutsideTheChains(SearchRateLimit limit) {
        FilterRegistrationBean<SearchRateLimit> registration = new FilterRegistrationBean<>(limit);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    ProblemResponses problemResponses(MessageSource messages, LocaleResolver locales) {
        return new ProblemResponses(messages, locales);
    }

    /** Lets the session registry forget sessions that end by themselves (time-out, sign-out). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
