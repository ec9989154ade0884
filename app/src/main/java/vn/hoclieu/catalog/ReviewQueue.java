package vn.hoclieu.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceViews;

/**
 * The review queue as librarians work through it on the page: each submission with its files (read
 * status, format, size, warnings), its thumbnail and the submitter's name; and approving several at
 * once. Who may see the queue and decide stays {@link ReviewService}'s rule.
 */
@Service
public class ReviewQueue {

    /** As many as the queue shows at most. */
    static final int MAX_AT_ONCE = 500;

    private final ReviewService review;
    private final ResourceRepository resources;
    private final ResourceViews views;
    private final AccountService accounts;

    ReviewQueue(ReviewService review, ResourceRepository resources, ResourceViews views, AccountService accounts) {
        this.review = review;
        this.resources = resources;
        this.views = views;
        this.accounts = accounts;
    }

    /** How a bulk approval went: how many were approved, and how many the reviewer could not approve. */
    public record Approval(int approved, int refused) {
    }

    /**
     * The submissions waiting in the viewer's library (every library's, for an administrator), oldest first.
     *
     * @throws CatalogException 403 for anyone but librarians and administrators
     */
    @Transactional(readOnly = true)
    public List<QueuedSubmission> pending(Viewer by) {
        List<ReviewItem> items = review.queue(ResourceStatus.PENDING, by);
        Map<Long, ResourceView> shown = views.ofAll(resources.findAllById(items.stream().map(ReviewItem::id).toList()))
                .stream().collect(Collectors.toMap(ResourceView::id, Function.identity()));
        Map<String, String> names = accounts.displayNames(items.stream().map(ReviewItem::createdBy).toList());
        return items.stream().map(i -> {
            ResourceView v = shown.get(i.id());
            return new QueuedSubmission(i, names.getOrDefault(i.createdBy(), i.createdBy()),
                    v == null ? null : v.thumbnail(), v == null ? List.of() : v.files());
        }).toList();
    }

    /**
     * Approves each of {@code ids} the viewer may approve, one by one (each its own change, history line
     * and reindex, as a single approval); what they may not see, not decide on, or what is no longer
     * waiting is left as it is and counted as refused.
     */
    public Approval approveAll(Collection<Long> ids, Viewer by) {
        int approved = 0;
        int refused = 0;
        for (Long id : new LinkedHashSet<>(ids).stream().filter(Objects::nonNull).limit(MAX_AT_ONCE).toList()) {
            try {
                review.approve(id, by);
                approved++;
            } catch (CatalogException e) {
                refused++;
            }
        }
        return new Approval(approved, refused);
    }
}
