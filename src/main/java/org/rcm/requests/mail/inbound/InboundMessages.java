package org.rcm.requests.mail.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

    /** An answer posted through the reply link: what was read, and what it answers (from the signed token). */
    public record Incoming(String messageId, ParsedMessage parsed, Reading reading) {
    }

    /** What the background work needs of a stored message to read and deliver it. */
    public record Stored(long id, String source, byte[] raw, String reference, String recipient, String from,
                         String subject, String replyText, List<String> attachmentNames) {
    }

    /**
     * Stores an answer from the reply link whole, with its attachments, as {@code RECEIVED} and due at once: it is
     * delivered by the same background work as mail.
     */
    @Transactional
    public long storeFromLink(Incoming in, long maxAttachmentBytes) {
        ParsedMessage parsed = in.parsed();
        Match match = in.reading().match();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into correspondence (reference, party_code, direction, kind, classification, status,
                    inbox_state, message_id, from_address, to_address, subject, source, body_text, reply_text,
                    correlation_rule, created_at, received_at, next_attempt_at)
                values (?, ?, 'IN', 'REPLY', ?, 'RECEIVED', 'RECEIVED', ?, ?, ?, ?, 'LINK', ?, ?, ?, ?, ?, ?)
                """).params(match.reference(), match.recipient(), in.reading().classification(),
                fit(in.messageId(), 500), fit(nonNull(parsed.from()), 320), fit(String.join(", ", parsed.to()), 2000),
                fit(nonNull(parsed.subject()), 1000), fit(parsed.bodyText(), TEXT), fit(parsed.replyText(), TEXT),
                match.rule(), now(), now(), now()).update(key, "id");
        long id = key.getKey().longValue();
        storeAttachments(id, parsed, maxAttachmentBytes);
        return id;
    }

    /**
     * Writes what reading a fetched message found — texts, classification, bounce, the request it belongs to, its
     * attachments — once: a message read before (an earlier try) keeps what it has.
     */
    public void storeReading(long id, ParsedMessage parsed, Reading reading, String flag, long maxAttachmentBytes) {
        Match match = reading.match();
        int updated = jdbc.sql("""
                update correspondence set reference = ?, party_code = ?, classification = ?, in_reply_to = ?,
                    references_header = ?, body_text = ?, reply_text = ?, bounce_addresses = ?, bounce_status = ?,
                    bounce_permanent = ?, correlation_rule = ?, flag = ?
                where id = ? and classification is null
                """).params(match == null ? null : match.reference(), match == null ? null : match.recipient(),
                reading.classification(), fit(parsed.inReplyTo(), 500),
                fit(String.join(" ", parsed.references()), 8000), fit(parsed.bodyText(), TEXT),
                fit(parsed.replyText(), TEXT),
                parsed.bounce() == null ? null : fit(String.join(", ", parsed.bounce().addresses()), 2000),
                parsed.bounce() == null ? null : fit(parsed.bounce().status(), 20),
                parsed.bounce() == null ? null : parsed.bounce().permanent(),
                match == null ? null : match.rule(), flag, id).update();
        if (updated == 1) {
            storeAttachments(id, parsed, maxAttachmentBytes);
        }
    }

    public Stored stored(long id) {
        return jdbc.sql("""
                select id, source, raw_source, reference, party_code, from_address, subject, reply_text
                from correspondence where id = ?
                """).param(id).query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                attachmentNames(id))).single();
    }

    private List<String> attachmentNames(long id) {
        return jdbc.sql("select filename from correspondence_attachment where correspondence_id = ? order by id")
                .param(id).query(String.class).list();
    }

    private void storeAttachments(long id, ParsedMessage parsed, long maxAttachmentBytes) {
        for (ReceivedAttachment attachment : parsed.attachments()) {
            boolean fits = attachment.content().length <= maxAttachmentBytes;
            jdbc.sql("insert into correspondence_attachment (correspondence_id, filename, content_type, size_bytes, "
                            + "content) values (?, ?, ?, ?, ?)")
                    .params(id, fit(attachment.filename(), 255), fit(attachment.contentType(), 200),
                            attachment.content().length,
                            fits ? attachment.content() : null).update();
        }
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
    static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
