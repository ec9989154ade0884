package vn.hoclieu.catalog;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Viewer;

/**
 * Counts how much resources are used: page views and downloads, per day. Counting never slows a
 * page: it adds to counters in memory, which are written to the database every few seconds in
 * one batch, after which the search index learns the new popularity. One person reloading a page
 * or a player fetching a video in pieces counts once per half hour; crawlers are not counted, nor
 * are the material's own people (its library's staff, administrators, its uploader) or anything
 * not yet published: the figures are about readers.
 */
@Service
public class UsageService {

    private static final Logger log = LoggerFactory.getLogger(UsageService.class);
    /** A person coming back to the same resource within this time is the same use. */
    static final Duration SAME_VISIT = Duration.ofMinutes(30);
    private static final int MAX_REMEMBERED_VISITS = 50_000;
    private static final int VIEWS = 0;
    private static final int DOWNLOADS = 1;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    /** resource id → {views, downloads} not yet written. */
    private final ConcurrentHashMap<Long, AtomicLongArray> pending = new ConcurrentHashMap<>();
    /** visitor:kind:resource → when it was last counted; the eldest are forgotten first. */
    private final Map<String, Long> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_REMEMBERED_VISITS;
        }
    };

    UsageService(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Someone opened the resource's page. {@code visitor} identifies them (session, or address and browser).
     * Not counted: the material's own people ({@link #counts}) and material not yet published.
     */
    public void viewed(long resourceId, Viewer viewer, String visitor, String userAgent) {
        count(resourceId, VIEWS, viewer, visitor, userAgent);
    }

    /** Someone downloaded one of the resource's files; counted as {@link #viewed} is. */
    public void downloaded(long resourceId, Viewer viewer, String visitor, String userAgent) {
        count(resourceId, DOWNLOADS, viewer, visitor, userAgent);
    }

    private void count(long resourceId, int kind, Viewer viewer, String visitor, String userAgent) {
        if (isCrawler(userAgent) || !firstInVisit(visitor + ':' + kind + ':' + resourceId)
                || !counts(resourceId, viewer)) {
            return;
        }
        pending.computeIfAbsent(resourceId, id -> new AtomicLongArray(2)).incrementAndGet(kind);
    }

    /**
     * Whether this viewer's use of the resource is a reader's use, the one statistics are about. The
     * library's staff and administrators checking a material, and its uploader looking at their own
     * work, are not; nor is any use of material not published (only those people can see it then, and
     * reviewing it is not reading it). Asked once per visit, after the visit check, so a reload costs nothing.
     */
    private boolean counts(long resourceId, Viewer viewer) {
        List<Boolean> readers = jdbc.query("select status, library_id, created_by from resource where id = ?",
                (rs, n) -> {
                    long library = rs.getLong(2);
                    Long libraryId = rs.wasNull() ? null : library;
                    boolean own = ResourcePermissions.isStaffOf(viewer, libraryId)
                            || (viewer.signedIn() && viewer.username().equals(rs.getString(3)));
                    return ResourceStatus.PUBLISHED.name().equals(rs.getString(1)) && !own;
                }, resourceId);
        return !readers.isEmpty() && readers.get(0);
    }

    private boolean firstInVisit(String key) {
        long now = System.currentTimeMillis();
        synchronized (recent) {
            Long last = recent.get(key);
            if (last != null && now - last < SAME_VISIT.toMillis()) {
                return false;
            }
            recent.put(key, now);
            return true;
        }
    }

    static boolean isCrawler(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return ua.contains("bot") || ua.contains("crawler") || ua.contains("spider") || ua.contains("slurp")
                || ua.contains("oai-harvester");
    }

    /** Writes the counters of the last few seconds, then tells the index the new popularity. */
    @Scheduled(fixedDelayString = "${hoclieu.usage.flush-interval:5s}")
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, long[]> batch = new HashMap<>();
        for (Long id : List.copyOf(pending.keySet())) {
            AtomicLongArray counts = pending.remove(id);
            if (counts != null) {
                batch.put(id, new long[] {counts.get(VIEWS), counts.get(DOWNLOADS)});
            }
        }
        Date today = Date.valueOf(LocalDate.now());
        List<Long> written = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : batch.entrySet()) {
            try {
                jdbc.update("""
                        merge into resource_usage u
                        using (select cast(? as bigint) as resource_id, cast(? as date) as used_on,
                                      cast(? as bigint) as views, cast(? as bigint) as downloads) v
                        on u.resource_id = v.resource_id and u.used_on = v.used_on
                        when matched then update set views = u.views + v.views, downloads = u.downloads + v.downloads
                        when not matched then insert (resource_id, used_on, views, downloads)
                             values (v.resource_id, v.used_on, v.views, v.downloads)
                        """, e.getKey(), today, e.getValue()[VIEWS], e.getValue()[DOWNLOADS]);
                written.add(e.getKey());
            } catch (DataAccessException failed) {
                // the resource was deleted meanwhile (its counts go with it), or the database is away:
                // usage is an estimate, never worth failing anything for
                log.debug("usage of resource {} not recorded: {}", e.getKey(), failed.toString());
            }
        }
        if (!written.isEmpty()) {
            events.publishEvent(new UsageChanged(popularity(written)));
        }
    }

    /** Popularity of each resource: views + 2 × downloads, over all time. */
    public Map<Long, Long> popularity(List<Long> resourceIds) {
        Map<Long, Long> out = new HashMap<>();
        for (int from = 0; from < resourceIds.size(); from += 500) {
            List<Long> chunk = resourceIds.subList(from, Math.min(resourceIds.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select resource_id, sum(views) + 2 * sum(downloads) from resource_usage where resource_id in ("
                    + marks + ") group by resource_id", rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }, chunk.toArray());
        }
        return out;
    }

    /** Views and downloads of one resource, over all time (what is still in memory included). */
    public Usage usage(long resourceId) {
        long[] stored = jdbc.query("select coalesce(sum(views), 0), coalesce(sum(downloads), 0) from resource_usage "
                + "where resource_id = ?", rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[2],
                resourceId);
        AtomicLongArray unsaved = pending.get(resourceId);
        long views = stored[VIEWS] + (unsaved == null ? 0 : unsaved.get(VIEWS));
        long downloads = stored[DOWNLOADS] + (unsaved == null ? 0 : unsaved.get(DOWNLOADS));
        return new Usage(views, downloads);
    }

    /**
     * Views and downloads per day in [from, to), of one library's resources or (null) of all, as
     * written so far (the last few seconds may still be in memory). Days without use are absent.
     */
    public Map<LocalDate, Usage> perDay(Long libraryId, LocalDate from, LocalDate to) {
        Map<LocalDate, Usage> out = new TreeMap<>();
        String sql = "select u.used_on, sum(u.views), sum(u.downloads) from resource_usage u "
                + (libraryId == null ? "" : "join resource r on r.id = u.resource_id ")
                + "where u.used_on >= ? and u.used_on < ? " + (libraryId == null ? "" : "and r.library_id = ? ")
                + "group by u.used_on";
        Object[] args = libraryId == null ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
                : new Object[] {Date.valueOf(from), Date.valueOf(to), libraryId};
        jdbc.query(sql, rs -> {
            out.put(rs.getDate(1).toLocalDate(), new Usage(rs.getLong(2), rs.getLong(3)));
        }, args);
        return out;
    }

    /** The resources used most in [from, to) (views + 2 × downloads), of one library or (null) of all. */
    public List<Used> mostUsed(Long libraryId, LocalDate from, LocalDate to, int limit) {
        String sql = "select u.resource_id, r.title, sum(u.views), sum(u.downloads) from resource_usage u "
                + "join resource r on r.id = u.resource_id where u.used_on >= ? and u.used_on < ? "
                + (libraryId == null ? "" : "and r.library_id = ? ")
                + "group by u.resource_id, r.title order by sum(u.views) + 2 * sum(u.downloads) desc, u.resource_id "
                + "fetch first " + Math.max(1, Math.min(limit, 100)) + " rows only";
        Object[] args = libraryId == null ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
                : new Object[] {Date.valueOf(from), Date.valueOf(to), libraryId};
        return jdbc.query(sql, (rs, n) -> new Used(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                args);
    }

    /** A resource with its use over a period (for statistics: the title as its library holds it). */
    public record Used(long resourceId, String title, long views, long downloads) {
    }

    public record Usage(long views, long downloads) {
        public long popularity() {
            return views + 2 * downloads;
        }
    }

    @PreDestroy
    void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("usage counts of the last seconds were not written: {}", e.toString());
        }
    }
}
