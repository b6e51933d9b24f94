package org.rcm.requests.mail.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * At most {@code app.mail.outbound.max-automatic-per-recipient-per-day} automatic messages a day to one recipient: one
 * more is logged {@code HELD} until the next day, when {@link HeldMailRelease} sends it, or drops it as
 * {@code CANCELLED} if it is no longer needed. Counted in the correspondence log while the recipient's directory row
 * is locked (until the sending transaction ends), so that jobs sending at once, on any node, count one after another.
 */
@Repository
class AutomaticMailLimit {

    private static final String AUTOMATIC = Arrays.stream(MailKind.values()).filter(MailKind::automatic)
            .map(kind -> "'" + kind.name() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();

    private final JdbcClient jdbc;
    private final OutboundProperties properties;
    private final Clock clock;

    AutomaticMailLimit(JdbcClient jdbc, OutboundProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A held message whose time has come: what composing it again needs. */
    record Held(long id, String reference, String recipient, MailKind kind, String about) {
    }

    /** The Message-ID of a held message that says what this one would: it goes out in its place. */
    Optional<String> heldFor(String reference, String recipient, MailKind kind, String about) {
        return jdbc.sql("select message_id from correspondence where reference = ? and party_code = ? and kind = ? "
                        + "and coalesce(about_code, '') = ? and status = 'HELD' order by id")
                .params(reference, recipient, kind.name(), about == null ? "" : about)
                .query(String.class).list().stream().findFirst();
    }

    /**
     * Whether the recipient may get one more automatic message today; if not, the recorded message {@code id} is held
     * until this time tomorrow (not midnight: it goes out in the day, as it would have).
     */
    boolean admits(String recipient, long id, String about) {
        jdbc.sql("select code from directory_party where code = ? for update").param(recipient).query(String.class)
                .optional();
        LocalDate today = LocalDate.now(clock);
        Instant dayStart = today.atStartOfDay(clock.getZone()).toInstant();
        Instant nextDay = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        int sent = jdbc.sql("select count(*) from correspondence where party_code = ? and direction = 'OUT' "
                        + "and status = 'SENT' and kind in (" + AUTOMATIC + ") and sent_at >= ? and sent_at < ?")
                .params(recipient, Timestamp.from(dayStart), Timestamp.from(nextDay)).query(Integer.class).single();
        if (sent < properties.maxAutomaticPerRecipientPerDay()) {
            return true;
        }
        jdbc.sql("update correspondence set status = 'HELD', held_until = ?, about_code = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(1))), about, id).update();
        return false;
    }

    /** Held messages whose day has come, oldest first. */
    List<Held> due(int max) {
        return jdbc.sql("select id, reference, party_code, kind, about_code from correspondence "
                        + "where held_until <= ? and status = 'HELD' order by id fetch first ? rows only")
                .params(Timestamp.from(clock.instant()), max)
                .query((rs, row) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3),
                        MailKind.valueOf(rs.getString(4)), rs.getString(5))).list();
    }

    /** Takes a held message back to {@code PENDING}, for this transaction to send; false if another node took it. */
    boolean release(long id) {
        return jdbc.sql("update correspondence set status = 'PENDING', held_until = null where id = ? "
                + "and status = 'HELD'").param(id).update() == 1;
    }

    /** A held message that is no longer needed (answered, closed, decided): logged as not sent. */
    void cancel(long id) {
        jdbc.sql("update correspondence set status = 'CANCELLED', held_until = null where id = ?").param(id).update();
    }
}
