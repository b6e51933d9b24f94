package org.rcm.requests.mail.inbound;

import static org.rcm.requests.mail.inbound.InboundMessages.fit;
import static org.rcm.requests.mail.inbound.InboundMessages.nonNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The states of inbound messages in the correspondence log: stored as {@code RECEIVED}, then claimed by one node at
 * a time (a lease that runs out if the node dies) until delivery settles them, or retried later, or {@code FAILED}.
 */
@Repository
public class Inbox {

    /** Where an inbound message stands. */
    public enum State { RECEIVED, DELIVERED, LOGGED, TRIAGE, FAILED }

    /** A message whose retries are spent, for the operators. */
    public record Failed(long id, String messageId, String from, String subject, int attempts, String error,
                         Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a fetched message whole, due at once, in a transaction of its own; empty when a message with this
     * Message-ID is stored already (fetched twice, or by another node). Reading it is the background work's.
     */
    @Transactional
    public Optional<Long> store(String messageId, String from, String to, String subject, byte[] raw) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        // on PostgreSQL a failed insert aborts the whole transaction: a savepoint keeps it usable (and committable)
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            jdbc.sql("""
                    insert into correspondence (direction, kind, status, inbox_state, message_id, from_address,
                        to_address, subject, source, raw_source, created_at, received_at, next_attempt_at)
                    values ('IN', 'REPLY', 'RECEIVED', 'RECEIVED', ?, ?, ?, ?, 'EMAIL', ?, ?, ?, ?)
                    """).params(fit(messageId, 500), fit(nonNull(from), 320), fit(nonNull(to), 2000),
                    fit(nonNull(subject), 1000), raw,
                    now(), now(), now()).update(key, "id");
            transaction.releaseSavepoint(savepoint);
        } catch (DuplicateKeyException alreadyStored) {
            transaction.rollbackToSavepoint(savepoint);
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    /** Messages due for (another) try, oldest first, that no live node holds. */
    public List<Long> due(int limit) {
        Timestamp now = now();
        return jdbc.sql("""
                select id from correspondence where inbox_state = 'RECEIVED' and next_attempt_at <= ?
                and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id fetch first ? rows only
                """).params(now, now, limit).query(Long.class).list();
    }

    /** Takes a message for this node for {@code lease}; false when another node has it, or it is settled. */
    public boolean claim(long id, String node, Duration lease) {
        Timestamp now = now();
        return jdbc.sql("""
                update correspondence set claimed_by = ?, claimed_until = ? where id = ? and inbox_state = 'RECEIVED'
                and (claimed_until is null or claimed_until < ?)
                """).params(node, Timestamp.from(clock.instant().plus(lease)), id, now).update() == 1;
    }

    public void settle(long id, State state) {
        jdbc.sql("update correspondence set inbox_state = ?, claimed_by = null, claimed_until = null, "
                + "last_error = null where id = ?").params(state.name(), id).update();
    }

    /** Counts a try and makes the message due again at {@code at}. */
    public void retryAt(long id, Instant at, String error) {
        jdbc.sql("update correspondence set attempts = attempts + 1, next_attempt_at = ?, claimed_by = null, "
                + "claimed_until = null, last_error = ? where id = ?")
                .params(Timestamp.from(at), fit(error, 2000), id).update();
    }

    public void fail(long id, String error) {
        jdbc.sql("update correspondence set inbox_state = 'FAILED', attempts = attempts + 1, claimed_by = null, "
                + "claimed_until = null, last_error = ? where id = ?").params(fit(error, 2000), id).update();
    }

    /** An operator's retry of a failed message: due at once, with its tries counted afresh. */
    public boolean retry(long id) {
        return jdbc.sql("update correspondence set inbox_state = 'RECEIVED', attempts = 0, next_attempt_at = ?, "
                + "last_error = null where id = ? and inbox_state = 'FAILED'").params(now(), id).update() == 1;
    }

    public int attempts(long id) {
        return jdbc.sql("select attempts from correspondence where id = ?").param(id).query(Integer.class).single();
    }

    public Optional<State> state(long id) {
        return jdbc.sql("select inbox_state from correspondence where id = ? and direction = 'IN'").param(id)
                .query(String.class).optional().map(State::valueOf);
    }

    /** How many inbound messages stand in each state; together, every message ever fetched or posted. */
    public Map<State, Long> counts() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select inbox_state, count(*) from correspondence where direction = 'IN' group by inbox_state")
                .query((rs, row) -> Map.entry(State.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    public List<Failed> failed(int limit) {
        return jdbc.sql("""
                select id, message_id, from_address, subject, attempts, last_error, received_at from correspondence
                where direction = 'IN' and inbox_state = 'FAILED' order by id desc fetch first ? rows only
                """).param(limit).query((rs, row) -> new Failed(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
