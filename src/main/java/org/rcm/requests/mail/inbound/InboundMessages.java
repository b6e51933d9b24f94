package org.rcm.requests.mail.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Inbound messages in the correspondence log, and the outbound ones they answer. */
@Repository
public class InboundMessages {

    private static final int TEXT = 1_000_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    InboundMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message to store: what was read, and where from. */
    public record Incoming(String messageId, ParsedMessage parsed, byte[] raw, String source, Reading reading,
                           String flag) {
    }

    /**
     * Stores the message whole, with its attachments, in a transaction of its own; empty when a message with
     * this Message-ID is stored already (fetched twice, or by another node).
     */
    @Transactional
    public Optional<Long> store(Incoming in, long maxAttachmentBytes) {
        ParsedMessage parsed = in.parsed();
        Match match = in.reading().match();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        // on PostgreSQL a failed insert aborts the whole transaction: a savepoint keeps it usable (and committable)
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            jdbc.sql("""
                    insert into correspondence (reference, party_code, direction, kind, classification, status,
                        message_id, in_reply_to, references_header, from_address, to_address, subject, source,
                        body_text, reply_text, raw_source, bounce_addresses, bounce_status, bounce_permanent,
                        correlation_rule, flag, created_at, received_at)
                    values (?, ?, 'IN', 'REPLY', ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(match == null ? null : match.reference(), match == null ? null : match.recipient(),
                    in.reading().classification(), fit(in.messageId(), 500), fit(parsed.inReplyTo(), 500),
                    fit(String.join(" ", parsed.references()), 8000), fit(nonNull(parsed.from()), 320),
                    fit(String.join(", ", parsed.to()), 2000), fit(nonNull(parsed.subject()), 1000), in.source(),
                    fit(parsed.bodyText(), TEXT), fit(parsed.replyText(), TEXT), in.raw(),
                    parsed.bounce() == null ? null : fit(String.join(", ", parsed.bounce().addresses()), 2000),
                    parsed.bounce() == null ? null : fit(parsed.bounce().status(), 20),
                    parsed.bounce() == null ? null : parsed.bounce().permanent(),
                    match == null ? null : match.rule(), in.flag(), now(), now())
                    .update(key, "id");
            transaction.releaseSavepoint(savepoint);
        } catch (DuplicateKeyException alreadyStored) {
            transaction.rollbackToSavepoint(savepoint);
            return Optional.empty();
        }
        long id = key.getKey().longValue();
        for (ReceivedAttachment attachment : parsed.attachments()) {
            boolean fits = attachment.content().length <= maxAttachmentBytes;
            jdbc.sql("insert into correspondence_attachment (correspondence_id, filename, content_type, size_bytes, "
                            + "content) values (?, ?, ?, ?, ?)")
                    .params(id, fit(attachment.filename(), 255), fit(attachment.contentType(), 200),
                            attachment.content().length,
                            fits ? attachment.content() : null).update();
        }
        return Optional.of(id);
    }

    /** Files it there once an officer attached it in triage. */
    public void assign(long id, String reference, String recipient, String rule) {
        jdbc.sql("update correspondence set reference = ?, party_code = ?, correlation_rule = ? where id = ?")
                .params(reference, recipient, rule, id).update();
    }

    /** The request and recipient of the first of these Message-IDs that the product sent. */
    public Optional<Match> sentAs(List<String> messageIds, String rule) {
        for (String messageId : messageIds) {
            Optional<Match> sent = jdbc.sql("select reference, party_code from correspondence "
                            + "where direction = 'OUT' and message_id = ?").param(messageId.trim().toLowerCase())
                    .query((rs, row) -> new Match(rs.getString(1), rs.getString(2), rule)).optional();
            if (sent.isPresent()) {
                return sent;
            }
        }
        return Optional.empty();
    }

    /** The request and recipient of the message the product sent under this id in the log (its return path's key). */
    public Optional<Match> sentWithId(long id, String rule) {
        return jdbc.sql("select reference, party_code from correspondence where direction = 'OUT' and id = ?")
                .param(id).query((rs, row) -> new Match(rs.getString(1), rs.getString(2), rule)).optional();
    }

    /** The last request sent to this address: for a bounce that names only the failing address, a suggestion. */
    public Optional<Match> lastSentTo(String address) {
        return jdbc.sql("select reference, party_code from correspondence where direction = 'OUT' and kind in "
                        + "('REQUEST', 'REMINDER', 'CLARIFICATION') and lower(to_address) = ? "
                        + "order by id desc fetch first 1 rows only").param(address.toLowerCase())
                .query((rs, row) -> new Match(rs.getString(1), rs.getString(2), "failing-address")).optional();
    }

    /** Texts longer than their column are cut; the whole message stays in the raw source. */
    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
