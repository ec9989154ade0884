package vn.hoclieu.sharing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of sharing ({@code hoclieu.sharing.*}).
 *
 * @param maxLinkDays the longest a share link may be valid, in days (default 30); the page offers
 *                    1, 7 and 30 days, those above the limit left out
 */
@ConfigurationProperties("hoclieu.sharing")
public record SharingProperties(Integer maxLinkDays) {

    private static final List<Integer> CHOICES = List.of(1, 7, 30);

    public SharingProperties {
        if (maxLinkDays == null) {
            maxLinkDays = 30;
        }
        if (maxLinkDays < 1) {
            throw new IllegalArgumentException("hoclieu.sharing.max-link-days must be at least 1");
        }
    }

    /** The validities the page offers. */
    public List<Integer> dayChoices() {
        List<Integer> within = CHOICES.stream().filter(d -> d <= maxLinkDays).toList();
        return within.isEmpty() ? List.of(maxLinkDays) : within;
    }
}
