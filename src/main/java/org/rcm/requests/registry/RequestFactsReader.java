package org.rcm.requests.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads one request's row for its page, including the body and the agreement that the registry API leaves out. */
@Repository
class RequestFactsReader {

    private final JdbcClient jdbc;

    RequestFactsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** References are stored upper-case, so {@code crm-2026-0007} finds {@code CRM-2026-0007}. */
    Optional<RequestFacts> find(String reference) {
        return jdbc.sql("""
                select reference, subject, body, kind, language, state, outcome, reply_due, process_instance_id,
                       created_by, created_at, closed_at, meeting_id, agreement_number
                from request where reference = ?
                """).param(reference.trim().toUpperCase(Locale.ROOT)).query(this::map).optional();
    }

    private RequestFacts map(ResultSet rs, int row) throws SQLException {
        return new RequestFacts(rs.getString("reference"), rs.getString("subject"), rs.getString("body"),
                rs.getString("kind"), rs.getString("language"), rs.getString("state"), rs.getString("outcome"),
                rs.getDate("reply_due").toLocalDate(), rs.getString("process_instance_id"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("closed_at")),
                rs.getString("meeting_id"), rs.getString("agreement_number"));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
