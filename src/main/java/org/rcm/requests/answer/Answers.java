package org.rcm.requests.answer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The structured answers of the registry ({@code reply_answer}): those received through the reply page, and the one
 * the reviewer accepted for each recipient, which is the record the directory and the compiled answers read.
 */
@Repository
public class Answers {

    public enum State { RECEIVED, ACCEPTED, SUPERSEDED }

    /** One stored answer; {@code correspondenceId} is the reply it came with or was accepted from, or null. */
    public record Stored(long id, String reference, String partyCode, String kind, Long correspondenceId, State state,
                         Answer answer, Instant createdAt, String acceptedBy, Instant acceptedAt) {
    }

    private static final String SELECT = "select id, reference, party_code, kind, correspondence_id, state, content, "
            + "created_at, accepted_by, accepted_at from reply_answer ";

    private final JdbcClient jdbc;
    private final Clock clock;

    Answers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An answer sent through the reply page, stored before its message so that its review finds it. */
    public long receive(String reference, String partyCode, String kind, Answer answer) {
        return insert(reference, partyCode, kind, null, State.RECEIVED, answer, null, null);
    }

    /** Links a received answer to the message it came with, once that is stored. */
    public void attachMessage(long answerId, long correspondenceId) {
        jdbc.sql("update reply_answer set correspondence_id = ? where id = ?").params(correspondenceId, answerId)
                .update();
    }

    /** Removes a received answer whose message could not be taken. */
    public void discard(long answerId) {
        jdbc.sql("delete from reply_answer where id = ? and state = ?").params(answerId, State.RECEIVED.name())
                .update();
    }

    /** The last answer a recipient sent through the reply page for a request. */
    public Optional<Stored> latestReceived(String reference, String partyCode) {
        return jdbc.sql(SELECT + "where reference = ? and party_code = ? and state = ? order by id desc "
                        + "fetch first 1 rows only").params(reference, partyCode, State.RECEIVED.name())
                .query(this::map).optional();
    }

    /** The answer accepted for a recipient, if any. */
    public Optional<Stored> accepted(String reference, String partyCode) {
        return jdbc.sql(SELECT + "where reference = ? and party_code = ? and state = ?")
                .params(reference, partyCode, State.ACCEPTED.name()).query(this::map).optional();
    }

    /** The accepted answers of a request, by recipient code. */
    public List<Stored> accepted(String reference) {
        return jdbc.sql(SELECT + "where reference = ? and state = ? order by party_code")
                .params(reference, State.ACCEPTED.name()).query(this::map).list();
    }

    /** Records the reviewer's accepted answer; the one accepted before for the same recipient is superseded. */
    public Stored accept(String reference, String partyCode, String kind, Long correspondenceId, Answer answer,
                         String acceptedBy) {
        jdbc.sql("update reply_answer set state = ? where reference = ? and party_code = ? and state = ?")
                .params(State.SUPERSEDED.name(), reference, partyCode, State.ACCEPTED.name()).update();
        Instant now = clock.instant();
        long id = insert(reference, partyCode, kind, correspondenceId, State.ACCEPTED, answer, acceptedBy, now);
        return new Stored(id, reference, partyCode, kind, correspondenceId, State.ACCEPTED, answer, now, acceptedBy,
                now);
    }

    /**
     * The Message-ID of an inbound message of this request from this recipient; empty when the id names another
     * request's or recipient's message (the id came from a process variable: it is checked, not believed).
     */
    public Optional<String> inboundMessageId(long correspondenceId, String reference, String partyCode) {
        return jdbc.sql("select message_id from correspondence where id = ? and reference = ? and party_code = ? "
                        + "and direction = 'IN'").params(correspondenceId, reference, partyCode)
                .query(String.class).optional();
    }

    private long insert(String reference, String partyCode, String kind, Long correspondenceId, State state,
                        Answer answer, String acceptedBy, Instant acceptedAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into reply_answer (reference, party_code, kind, correspondence_id, state, content, created_at,
                                          accepted_by, accepted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(reference, partyCode, kind, correspondenceId, state.name(), answer.toJson(),
                Timestamp.from(clock.instant()), acceptedBy, acceptedAt == null ? null : Timestamp.from(acceptedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        long correspondence = rs.getLong("correspondence_id");
        return new Stored(rs.getLong("id"), rs.getString("reference"), rs.getString("party_code"),
                rs.getString("kind"), rs.wasNull() ? null : correspondence, State.valueOf(rs.getString("state")),
                Answer.fromJson(rs.getString("content")), instant(rs, "created_at"), rs.getString("accepted_by"),
                instant(rs, "accepted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
