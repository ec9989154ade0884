package vn.hoclieu.oai;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.hoclieu.oai.internal.OaiProvider;

/**
 * {@code /oai}: the OAI-PMH 2.0 provider, by GET or by a POSTed form as the protocol allows.
 * Protocol errors are answered inside the XML with status 200, as the protocol wants.
 */
@Controller
class OaiController {

    private final OaiProvider provider;
    private final OaiProperties properties;

    OaiController(OaiProvider provider, OaiProperties properties) {
        this.provider = provider;
        this.properties = properties;
    }

    @RequestMapping(path = "/oai", method = {RequestMethod.GET, RequestMethod.POST})
    void oai(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String baseUrl = properties.baseUrl() != null ? properties.baseUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).path("/oai").build().toUriString();
        response.setContentType("text/xml;charset=UTF-8");
        provider.respond(request.getParameterMap(), baseUrl, siteBase(baseUrl), response.getOutputStream());
    }

    /** The site the provider belongs to: its base URL without the {@code /oai}, or else its origin. */
    static String siteBase(String baseUrl) {
        if (baseUrl.endsWith("/oai")) {
            return baseUrl.substring(0, baseUrl.length() - "/oai".length());
        }
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
