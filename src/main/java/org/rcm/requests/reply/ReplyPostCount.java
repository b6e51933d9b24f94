package org.rcm.requests.reply;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many answers a recipient posted through its reply link since a given time, read from the correspondence log
 * (inbound messages of source {@code LINK}), so that every node of a cluster counts the same posts.
 */
@Component
class ReplyPostCount {

    /** The posts since the time asked for, and when the oldest of them came in (null when none). */
    record Recent(int count, Instant oldest) {
    }

    private final JdbcClient jdbc;

    ReplyPostCount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Recent since(String reference, String recipient, Instant since) {
        return jdbc.sql("""
                        select count(*), min(created_at) from correspondence
                        where reference = ? and party_code = ? and direction = 'IN' and source = 'LINK'
                          and created_at > ?""")
                .params(reference, recipient, Timestamp.from(since))
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Recent(rs.getInt(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }
}
