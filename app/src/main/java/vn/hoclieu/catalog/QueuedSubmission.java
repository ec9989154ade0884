package vn.hoclieu.catalog;

import java.util.List;

/**
 * A submission as the review queue page shows it: enough to decide without opening it.
 *
 * @param submitterName the display name of whoever sent it (their user name if the account is gone)
 * @param thumbnail     address of its preview image, or null
 * @param files         its files, each with its read status, format, size and any warning
 */
public record QueuedSubmission(ReviewItem item, String submitterName, String thumbnail,
                               List<ResourceView.FileView> files) {
}
