package vn.hoclieu.search.internal;

import jakarta.annotation.PreDestroy;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.QueryCount;
import vn.hoclieu.search.SearchCount;
import vn.hoclieu.search.SearchLogProperties;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The search log (table {@code search_log}). A search only puts a row in a bounded queue; one
 * background thread writes the queue in batches every second. A full queue drops rows and a failed
 * write is logged and dropped: the log is statistics, and a search never waits for it or fails
 * because of it. Who asked is never recorded.
 */
@Component
public class QueryLog {

    private static final Logger log = LoggerFactory.getLogger(QueryLog.class);

    static final int MAX_QUERY_LENGTH = 200;
    private static final int QUEUE = 10_000;
    private static final int BATCH = 500;
    private static final String INSERT =
            "insert into search_log (query, folded, hits, filtered, asked_at) values (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final BlockingQueue<Entry> pending = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-log");
        t.setDaemon(true);
        return t;
    });

    private record Entry(String query, String folded, long hits, boolean filtered, Instant askedAt) {
    }

    QueryLog(JdbcTemplate jdbc, SearchLogProperties properties) {
        this.jdbc = jdbc;
        this.enabled = properties.enabled();
        writer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    /** Queues the search for the log (first pages of non-empty queries only); never throws, never blocks. */
    public void record(SearchRequest request, SearchPage page) {
        try {
            if (!enabled || request.page() != 0) {
                return;
            }
            String query = normalize(request.q());
            String folded = cut(VietnameseAnalysis.fold(query));
            if (folded.isEmpty()) {
                return;
            }
            if (!pending.offer(new Entry(query, folded, page.total(), !request.filters().isEmpty(), Instant.now()))) {
                dropped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            log.debug("search not logged: {}", e.toString());
        }
    }

    /** Writes what is queued; returns the rows written. Runs every second, at shutdown, and from tests. */
    public synchronized int flush() {
        int written = 0;
        List<Entry> batch = new ArrayList<>(BATCH);
        while (pending.drainTo(batch, BATCH) > 0) {
            try {
                jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
                    ps.setString(1, e.query());
                    ps.setString(2, e.folded());
                    ps.setLong(3, e.hits());
                    ps.setBoolean(4, e.filtered());
                    ps.setObject(5, utc(e.askedAt()));
                });
                written += batch.size();
            } catch (RuntimeException e) {
                log.warn("{} searches not logged: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} searches not logged: the log queue was full", lost);
        }
        return written;
    }

    /** The queries asked most often in [from, to), with or without results. */
    public List<QueryCount> topQueries(Instant from, Instant to, int limit) {
        return counted("asked_at >= ? and asked_at < ?", 1, limit, utc(from), utc(to));
    }

    /** The queries that found nothing most often in [from, to): what the catalogue lacks or people misspell. */
    public List<QueryCount> zeroResultQueries(Instant from, Instant to, int limit) {
        return counted("asked_at >= ? and asked_at < ? and hits = 0", 1, limit, utc(from), utc(to));
    }

    /** Searches asked in [from, to), and how many found nothing (librarians' statistics). */
    public SearchCount count(Instant from, Instant to) {
        return jdbc.query("select count(*), coalesce(sum(case when hits = 0 then 1 else 0 end), 0) from search_log "
                + "where asked_at >= ? and asked_at < ?", rs -> rs.next()
                        ? new SearchCount(rs.getLong(1), rs.getLong(2))
                        : new SearchCount(0, 0), utc(from), utc(to));
    }

    /** Queries that found results at least {@code minAsks} times since then: material for suggestions. */
    List<QueryCount> successful(Instant since, int minAsks, int limit) {
        return counted("asked_at >= ? and hits > 0", minAsks, limit, utc(since));
    }

    /**
     * Groups the rows by folded form ("hoc tap" and "học tập" are one query), named by the spelling
     * asked most often (marks preferred on a tie), most asked first.
     */
    private List<QueryCount> counted(String where, int minAsks, int limit, Object... args) {
        Map<String, Map<String, Long>> byFolded = new HashMap<>();
        jdbc.query("select folded, query, count(*) from search_log where " + where + " group by folded, query",
                rs -> {
                    byFolded.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, args);
        List<QueryCount> out = new ArrayList<>();
        byFolded.forEach((folded, spellings) -> {
            long asks = spellings.values().stream().mapToLong(Long::longValue).sum();
            if (asks >= minAsks) {
                String name = spellings.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(e -> VietnameseAnalysis.hasDiacritics(e.getKey())))
                        .orElseThrow().getKey();
                out.add(new QueryCount(name, asks));
            }
        });
        out.sort(Comparator.comparingLong(QueryCount::asks).reversed().thenComparing(QueryCount::query));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The query as it is logged: NFC, no control characters, trimmed, spaces collapsed, lower-case. */
    static String normalize(String q) {
        String s = Normalizer.normalize(q == null ? "" : q, Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return cut(s);
    }

    private static String cut(String s) {
        if (s.length() <= MAX_QUERY_LENGTH) {
            return s;
        }
        int end = MAX_QUERY_LENGTH;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).strip();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
