package vn.hoclieu.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the REST API's protection ({@code hoclieu.api.*}).
 *
 * @param searchRequestsPerMinute searches and suggestions ({@code GET /api/v1/search}, {@code /api/v1/suggest})
 *                                one client address may make per minute before it is answered {@code 429}
 *                                with {@code Retry-After}; 0 (the default) turns the limit off. A school lab
 *                                behind one address types suggestions from many pupils at once: if you turn
 *                                it on, be generous (600 or more)
 */
@ConfigurationProperties("hoclieu.api")
public record ApiProperties(Integer searchRequestsPerMinute) {

    @ConstructorBinding
    public ApiProperties {
        searchRequestsPerMinute = searchRequestsPerMinute == null || searchRequestsPerMinute < 0 ? 0
                : searchRequestsPerMinute;
    }
}
