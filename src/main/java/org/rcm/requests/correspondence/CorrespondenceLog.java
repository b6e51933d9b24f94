package org.rcm.requests.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes the correspondence table. Message-ID is unique: a message is logged once. */
@Repository
public class CorrespondenceLog {

    private static final String SELECT = """
            select id, reference, party_code, direction, kind, classification, status, message_id,
                   in_reply_to, from_address, to_address, subject, language, created_at, sent_at
            from correspondence
            """;
    private static final String WITH_TEXTS = SELECT.replace("from correspondence",
            ", body_text, reply_text, source from correspondence");

    private final JdbcClient jdbc;
    private final Clock clock;

    CorrespondenceLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an outbound message before it is handed to the mail server; returns its id in the log. */
    public long recordPending(String reference, String recipient, String kind, String messageId, String from,
                              String to, String subject, String language) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into correspondence (reference, party_code, direction, kind, status, message_id,
                    from_address, to_address, subject, language, created_at)
                values (?, ?, 'OUT', ?, 'PENDING', ?, ?, ?, ?, ?, ?)
                """).params(reference, recipient, kind, messageId, from, to, subject, language,
                Timestamp.from(clock.instant())).update(key, "id");
        return key.getKey().longValue();
    }

    public void markSent(String messageId) {
        jdbc.sql("update correspondence set status = 'SENT', sent_at = ? where message_id = ?")
                .params(Timestamp.from(clock.instant()), messageId).update();
    }

    /** A message of this kind to this recipient that was recorded but not yet confirmed sent: a retry reuses it. */
    public Optional<CorrespondenceEntry> findPending(String reference, String recipient, String kind) {
        return jdbc.sql(SELECT + " where reference = ? and coalesce(party_code, '') = ? and kind = ? "
                        + "and status = 'PENDING' order by id")
                .params(reference, recipient == null ? "" : recipient, kind).query(this::map).optional();
    }

    public int countOut(String reference, String recipient, String kind) {
        return jdbc.sql("select count(*) from correspondence where reference = ? and coalesce(party_code, '') = ? "
                        + "and kind = ? and direction = 'OUT'")
                .params(reference, recipient == null ? "" : recipient, kind).query(Integer.class).single();
    }

    /** The message as it was received (RFC 822), or for a link reply its text. */
    public Optional<byte[]> source(long id) {
        return jdbc.sql("select raw_source, body_text from correspondence where id = ?").param(id)
                .query((rs, row) -> {
                    byte[] raw = rs.getBytes(1);
                    String text = rs.getString(2);
                    return raw != null ? raw : (text == null ? new byte[0]
                            : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }).optional();
    }

    /** One message with its texts and the names of its attachments. */
    public Optional<Message> message(long id) {
        return jdbc.sql(WITH_TEXTS + " where id = ?").param(id)
                .query((rs, row) -> new Message(map(rs, row), rs.getString("body_text"), rs.getString("reply_text"),
                        jdbc.sql("select filename from correspondence_attachment where correspondence_id = ? "
                                + "order by id").param(id).query(String.class).list(), rs.getString("source")))
                .optional();
    }

    /** Every message of a request with its texts and attachment names, in the order they were logged. */
    public List<Message> messages(String reference) {
        Map<Long, List<String>> attachments = new HashMap<>();
        jdbc.sql("""
                select a.correspondence_id, a.filename from correspondence_attachment a
                join correspondence c on c.id = a.correspondence_id where c.reference = ? order by a.id
                """).param(reference).query(rs -> {
                    attachments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql(WITH_TEXTS + " where reference = ? order by id").param(reference)
                .query((rs, row) -> new Message(map(rs, row), rs.getString("body_text"), rs.getString("reply_text"),
                        attachments.getOrDefault(rs.getLong("id"), List.of()), rs.getString("source")))
                .list();
    }

    /** @param source of an inbound message: {@code EMAIL} or {@code LINK} (the reply page) */
    public record Message(CorrespondenceEntry entry, String bodyText, String replyText, List<String> attachments,
                          String source) {
    }

    public List<CorrespondenceEntry> forRequest(String reference) {
        return jdbc.sql(SELECT + " where reference = ? order by id").param(reference).query(this::map).list();
    }

    private CorrespondenceEntry map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new CorrespondenceEntry(rs.getLong("id"), rs.getString("reference"), rs.getString("party_code"),
                CorrespondenceEntry.Direction.valueOf(rs.getString("direction")), rs.getString("kind"),
                rs.getString("classification"), CorrespondenceEntry.Status.valueOf(rs.getString("status")),
                rs.getString("message_id"), rs.getString("in_reply_to"), rs.getString("from_address"),
                rs.getString("to_address"), rs.getString("subject"), rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
