package vn.hoclieu.oai.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code oai_record} table: one row per resource the provider knows of. Lists are read in
 * (datestamp, id) order, a page at a time, each row handed on as it is read.
 */
@Repository
class OaiRecords {

    /** What the protocol knows of a resource. */
    enum State {
        /** shown now */
        PUBLIC,
        /** shown once, not any more: a deleted record */
        DELETED,
        /** never shown: the protocol does not know it exists */
        PRIVATE
    }

    /** A row; {@code metadata} (JSON) only while PUBLIC and only when asked for. */
    record Row(long id, State state, Instant datestamp, List<String> sets, String metadata, Instant sourceVersion) {

        boolean deleted() {
            return state == State.DELETED;
        }
    }

    /**
     * A list request: records in {@code set} (or below it; null for all) whose datestamp is within
     * [{@code from}, {@code until}] (either may be null), after the cursor (datestamp, id).
     */
    record Selection(String set, Instant from, Instant until, Instant afterDatestamp, long afterId) {
    }

    private static final String EXPOSED = "state <> 'PRIVATE'";
    /** Earlier than every datestamp: the cursor of a list's first page. */
    static final Instant BEFORE_ALL = Instant.EPOCH;
    private static final Instant AFTER_ALL = Instant.parse("9999-12-31T23:59:59Z");

    private static final String WHERE = EXPOSED + " and datestamp >= ? and datestamp <= ?"
            + " and (sets like ? escape '\\' or sets like ? escape '\\')";

    private final JdbcTemplate jdbc;

    OaiRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long id) {
        return jdbc.query("select resource_id, state, datestamp, sets, metadata, source_version from oai_record "
                + "where resource_id = ?", (rs, n) -> row(rs, true), id).stream().findFirst();
    }

    /** A record harvesters may know of (shown now or deleted), with its metadata. */
    Optional<Row> findExposed(long id) {
        return find(id).filter(r -> r.state() != State.PRIVATE);
    }

    void save(Row row, boolean exists) {
        if (exists) {
            jdbc.update("update oai_record set state = ?, datestamp = ?, sets = ?, metadata = ?, source_version = ? "
                    + "where resource_id = ?", row.state().name(), utc(row.datestamp()), SetSpecs.column(row.sets()),
                    row.metadata(), utc(row.sourceVersion()), row.id());
        } else {
            jdbc.update("insert into oai_record (resource_id, state, datestamp, sets, metadata, source_version) "
                    + "values (?, ?, ?, ?, ?, ?)", row.id(), row.state().name(), utc(row.datestamp()),
                    SetSpecs.column(row.sets()), row.metadata(), utc(row.sourceVersion()));
        }
    }

    void saveSourceVersion(long id, Instant version) {
        jdbc.update("update oai_record set source_version = ? where resource_id = ?", utc(version), id);
    }

    /** Every row's state and source version, for the start-up reconciliation. */
    Map<Long, Row> versions() {
        Map<Long, Row> out = new HashMap<>();
        jdbc.query("select resource_id, state, datestamp, sets, source_version from oai_record",
                rs -> {
                    Row r = row(rs, false);
                    out.put(r.id(), r);
                });
        return out;
    }

    Optional<Instant> earliestDatestamp() {
        return Optional.ofNullable(jdbc.queryForObject("select min(datestamp) from oai_record where " + EXPOSED,
                OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /**
     * Hands each row of the selection to {@code each}, in (datestamp, id) order, at most {@code limit}.
     *
     * @param withMetadata false for lists of headers, which need not read the descriptions
     */
    void page(Selection s, int limit, boolean withMetadata, Consumer<Row> each) {
        String[] sets = SetSpecs.patterns(s.set());
        jdbc.query("select resource_id, state, datestamp, sets, source_version" + (withMetadata ? ", metadata" : "")
                + " from oai_record where " + WHERE
                + " and (datestamp > ? or (datestamp = ? and resource_id > ?))"
                + " order by datestamp, resource_id fetch first ? rows only",
                rs -> {
                    each.accept(row(rs, withMetadata));
                },
                utc(s.from() == null ? BEFORE_ALL : s.from()), utc(s.until() == null ? AFTER_ALL : s.until()),
                sets[0], sets[1], utc(s.afterDatestamp()), utc(s.afterDatestamp()), s.afterId(), limit);
    }

    /** How many records the selection holds, cursor ignored: a list's completeListSize. */
    long count(Selection s) {
        String[] sets = SetSpecs.patterns(s.set());
        Long n = jdbc.queryForObject("select count(*) from oai_record where " + WHERE, Long.class,
                utc(s.from() == null ? BEFORE_ALL : s.from()), utc(s.until() == null ? AFTER_ALL : s.until()),
                sets[0], sets[1]);
        return n == null ? 0 : n;
    }

    private static Row row(ResultSet rs, boolean withMetadata) throws SQLException {
        OffsetDateTime version = rs.getObject("source_version", OffsetDateTime.class);
        return new Row(rs.getLong("resource_id"), State.valueOf(rs.getString("state")),
                rs.getObject("datestamp", OffsetDateTime.class).toInstant(), SetSpecs.fromColumn(rs.getString("sets")),
                withMetadata ? rs.getString("metadata") : null, version == null ? null : version.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
