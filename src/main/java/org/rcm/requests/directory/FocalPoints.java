package org.rcm.requests.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The focal points of the directory, per country and topic, with their history: a nomination the Secretariat accepts
 * becomes the current one and keeps the one it replaced. A request on a topic goes to the current focal point of each
 * recipient for it ({@link #addressee}).
 */
@Repository
public class FocalPoints {

    private static final String SELECT = """
            select id, country_code, topic, name, job_title, institution, email, phone, language, reference,
                   correspondence_id, message_id, accepted_by, accepted_at, replaces_id, replaced_at
            from focal_point
            """;

    /** A nomination as the review accepted it. */
    public record Nomination(String countryCode, String topic, String name, String position, String institution,
                             String email, String phone, String language, String reference, Long correspondenceId,
                             String messageId, Long answerId, String acceptedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FocalPoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current focal points, by country and topic. */
    public List<FocalPoint> current() {
        return jdbc.sql(SELECT + " where replaced_at is null order by country_code, topic").query(this::map).list();
    }

    public Optional<FocalPoint> current(String countryCode, String topic) {
        return jdbc.sql(SELECT + " where country_code = ? and topic = ? and replaced_at is null order by id desc "
                + "fetch first 1 rows only").params(countryCode, topic).query(this::map).optional();
    }

    /** Every focal point that was ever named, newest first. */
    public List<FocalPoint> history() {
        return jdbc.sql(SELECT + " order by accepted_at desc, id desc").query(this::map).list();
    }

    /**
     * Makes a nomination the current focal point for its country and topic; the one it replaces stays in the history.
     * The current row is locked first, so that two acceptances at once leave one current focal point.
     *
     * @return the new focal point's id
     */
    public long nominate(Nomination nomination) {
        Instant now = clock.instant();
        Optional<Long> before = jdbc.sql("select id from focal_point where country_code = ? and topic = ? "
                        + "and replaced_at is null for update").params(nomination.countryCode(), nomination.topic())
                .query(Long.class).list().stream().findFirst();
        jdbc.sql("update focal_point set replaced_at = ? where country_code = ? and topic = ? and replaced_at is null")
                .params(Timestamp.from(now), nomination.countryCode(), nomination.topic()).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into focal_point (country_code, topic, name, job_title, institution, email, phone, language,
                                         reference, correspondence_id, message_id, answer_id, accepted_by, accepted_at,
                                         replaces_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(nomination.countryCode(), nomination.topic(), nomination.name(), nomination.position(),
                nomination.institution(), nomination.email(), nomination.phone(), nomination.language(),
                nomination.reference(), nomination.correspondenceId(), nomination.messageId(), nomination.answerId(),
                nomination.acceptedBy(), Timestamp.from(now), before.orElse(null)).update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Whether {@code email} is the address of a focal point {@code partyCode} named (now or before), or of its domain:
     * a reply from it belongs to that party.
     */
    public boolean known(String partyCode, String email) {
        String address = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        return !address.isEmpty() && jdbc.sql("select email from focal_point where country_code = ?").param(partyCode)
                .query(String.class).list().stream().anyMatch(known -> known.equalsIgnoreCase(address)
                        || Directory.domain(known).equals(Directory.domain(address)));
    }

    /**
     * Who a request on {@code topic} reaches at {@code party}: its current focal point for the topic, in the focal
     * point's language, else the party's primary contact.
     */
    public Party addressee(Party party, String topic) {
        if (topic == null || topic.isBlank()) {
            return party;
        }
        return current(party.code(), topic).map(focal -> new Party(party.code(), party.kind(), party.nameEs(),
                party.nameEn(), party.member(), focal.name(), focal.email(), focal.language(), party.articleEs(),
                party.articleEn(), party.calendarCountry())).orElse(party);
    }

    private FocalPoint map(ResultSet rs, int row) throws SQLException {
        long correspondence = rs.getLong("correspondence_id");
        Long correspondenceId = rs.wasNull() ? null : correspondence;
        long replaces = rs.getLong("replaces_id");
        Long replacesId = rs.wasNull() ? null : replaces;
        return new FocalPoint(rs.getLong("id"), rs.getString("country_code"), rs.getString("topic"),
                rs.getString("name"), rs.getString("job_title"), rs.getString("institution"), rs.getString("email"),
                rs.getString("phone"), rs.getString("language"), rs.getString("reference"), correspondenceId,
                rs.getString("message_id"), rs.getString("accepted_by"), instant(rs, "accepted_at"), replacesId,
                instant(rs, "replaced_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
