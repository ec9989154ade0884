package vn.hoclieu.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the search log and of the frequent queries suggested from it ({@code hoclieu.search.log.*}).
 *
 * @param enabled        record searches (query, hits, time; never who asked); off: no query suggestions
 *                       and no search statistics
 * @param suggestMinAsks a query is suggested to others once it has found results this many times; never
 *                       fewer than 2, since a query asked once may hold a person's name or private text
 * @param suggestWindow  only searches this recent count toward suggestions
 * @param suggestRefresh how often the frequent queries are read again from the log
 */
@ConfigurationProperties("hoclieu.search.log")
public record SearchLogProperties(Boolean enabled, Integer suggestMinAsks, Duration suggestWindow,
                                  Duration suggestRefresh) {

    @ConstructorBinding
    public SearchLogProperties {
        enabled = enabled == null || enabled;
        suggestMinAsks = suggestMinAsks == null ? 3 : Math.max(2, suggestMinAsks);
        suggestWindow = suggestWindow == null ? Duration.ofDays(180) : suggestWindow;
        suggestRefresh = suggestRefresh == null ? Duration.ofMinutes(5) : suggestRefresh;
    }
}
