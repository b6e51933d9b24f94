package org.rcm.requests.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rcm.requests.request.RequestText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads one request's row for its page, including the texts and the agreement that the registry API leaves out.
 */
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
                """).param(reference.trim().toUpperCase(Locale.ROOT)).query(this::map).optional()
                .map(facts -> facts.withOtherTexts(otherTexts(facts.reference())));
    }

    private List<RequestText> otherTexts(String reference) {
        return jdbc.sql("select language, subject, body from request_text where reference = ? order by language")
                .param(reference).query((rs, row) -> new RequestText(rs.getString(1), rs.getString(2),
                        rs.getString(3))).list();
    }

    private RequestFacts map(ResultSet rs, int row) throws SQLException {
        return new RequestFacts(rs.getString("reference"), rs.getString("subject"), rs.getString("body"),
                rs.getString("kind"), rs.getString("language"), rs.getString("state"), rs.getString("outcome"),
                rs.getDate("reply_due").toLocalDate(), rs.getString("process_instance_id"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("closed_at")),
                rs.getString("meeting_id"), rs.getString("agreement_number"), List.of());
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
