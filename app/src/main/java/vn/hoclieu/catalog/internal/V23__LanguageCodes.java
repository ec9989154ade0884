package vn.hoclieu.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.Languages;

/**
 * Writes the languages stored before they were kept in one spelling in that spelling ({@code vie} →
 * {@code vi}: {@link Languages#canonical}), so that harvested and imported records stop making a
 * second entry in the language facet. A migration in Java, not SQL, because the rule is the JDK's
 * table of ISO 639 codes, which the code that keeps new values uses too; the statements are
 * portable, for H2 and PostgreSQL alike. Flyway runs it once, as the Spring bean it is.
 *
 * <p>Each resource it changes gets a new {@code updated_at} and {@code version}: the search index
 * and the OAI-PMH records compare those at start and bring the resource up to date, as after any
 * other change.
 */
@Component
public class V23__LanguageCodes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Set<Long> changed = new TreeSet<>();
        Map<Long, String> resources = rewrites(c, "select id, id, language from resource where language is not null");
        update(c, "update resource set language = ? where id = ?", resources);
        changed.addAll(resources.keySet());

        Map<Long, Long> owners = new TreeMap<>();
        Map<Long, String> files = rewrites(c, "select id, resource_id, extracted_language from resource_file"
                + " where extracted_language is not null", owners);
        update(c, "update resource_file set extracted_language = ? where id = ?", files);
        files.keySet().forEach(file -> changed.add(owners.get(file)));

        try (PreparedStatement touch = c.prepareStatement(
                "update resource set updated_at = ?, version = version + 1 where id = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (long id : changed) {
                touch.setTimestamp(1, now);
                touch.setLong(2, id);
                touch.addBatch();
            }
            touch.executeBatch();
        }
    }

    private static Map<Long, String> rewrites(Connection c, String select) throws SQLException {
        return rewrites(c, select, new TreeMap<>());
    }

    /** Row id → the value to write, for the rows whose value is not in the catalogue's spelling; {@code owners}: row → resource. */
    private static Map<Long, String> rewrites(Connection c, String select, Map<Long, Long> owners) throws SQLException {
        Map<Long, String> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(select)) {
            while (rows.next()) {
                String stored = rows.getString(3);
                String canonical = Languages.canonical(stored);
                if (!Objects.equals(stored, canonical)) {
                    out.put(rows.getLong(1), canonical);
                    owners.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return out;
    }

    private static void update(Connection c, String sql, Map<Long, String> values) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (Map.Entry<Long, String> v : values.entrySet()) {
                update.setString(1, v.getValue());
                update.setLong(2, v.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
