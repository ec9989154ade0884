package vn.hoclieu.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoclieu.storage.UploadLimits;

/**
 * An upload that announces more than {@code hoclieu.upload.max-request-size} would be refused by
 * the container before it reads a single field — the CSRF token included, so a person would see
 * "forbidden" and lose what they typed, and Tomcat 11 then refuses every later look at the
 * fields, so an API caller would get a 500. Ahead of security, this reads such a request's form
 * fields (each at most 64 KB), throws its files away unread into nothing, and lets the request go
 * on with those fields and no parts: the page's controller then answers 413 with the form as it
 * was typed, the API a 413 problem.
 */
@Configuration
class OversizedUploads {

    private static final int MAX_FIELD_BYTES = 64 * 1024;
    /** At most this much of all the fields together is kept. */
    private static final long MAX_KEPT_BYTES = 1 << 20;
    private static final int MAX_FIELDS = 200;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oversizedUploadFilter(UploadLimits limits) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(oversized(request, limits) ? withFieldsOnly(request) : request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // before Spring Security's chain (-100)
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static boolean oversized(HttpServletRequest request, UploadLimits limits) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod())
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && request.getContentLengthLong() > limits.maxRequestSize().toBytes();
    }

    private static HttpServletRequest withFieldsOnly(HttpServletRequest request) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            FileUpload upload = new FileUpload();
            upload.setSizeMax(-1);
            upload.setFileSizeMax(-1);
            FileItemIterator items = upload.getItemIterator(new ServletRequestContext(request));
            int values = 0;
            long kept = 0;
            while (items.hasNext()) {
                FileItemStream item = items.next();
                try (InputStream in = item.openStream()) {
                    // bounded in count and in bytes, however many fields (or values of one name) are sent:
                    // this runs before sign-in, so nobody may make it hold more than a form's worth
                    if (item.isFormField() && values < MAX_FIELDS && kept < MAX_KEPT_BYTES) {
                        byte[] value = in.readNBytes(MAX_FIELD_BYTES);
                        values++;
                        kept += value.length;
                        fields.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>())
                                .add(new String(value, StandardCharsets.UTF_8));
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException cutOff) {
            // a request cut off mid-way: keep what was read, the page still says why it was refused
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                List<String> values = fields.get(name);
                return values == null || values.isEmpty() ? null : values.get(0);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> map = new LinkedHashMap<>();
                fields.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
                return map;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(fields.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                List<String> values = fields.get(name);
                return values == null ? null : values.toArray(String[]::new);
            }

            @Override
            public Collection<Part> getParts() {
                // the wording Spring MVC recognises as a size limit (MaxUploadSizeExceededException)
                throw new IllegalStateException("the request size exceeds the configured maximum");
            }

            @Override
            public Part getPart(String name) {
                return getParts().iterator().next();
            }
        };
    }
}
