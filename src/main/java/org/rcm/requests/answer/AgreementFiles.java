package org.rcm.requests.answer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics folder of an agreement (conclusion 1a of the Panama meeting asks for one): the files attached to the
 * replies the Secretariat accepted from each country for the agreement's requests, filed by country. A reply that
 * came after the acceptance is not in it until a review accepts it. The meeting page lists them
 * ({@code @agreementFiles} in {@code meetings/agreements.html}).
 */
@Component("agreementFiles")
public class AgreementFiles {

    /** A file of the folder; {@code stored} is false for one over the size limit, kept only in its message. */
    public record FiledFile(long id, String reference, String partyCode, String filename, String contentType,
                            long sizeBytes, boolean stored, Instant receivedAt) {

        public long kilobytes() {
            return Math.max(1, (sizeBytes + 1023) / 1024);
        }
    }

    /** A file to download. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    private static final String FILED = """
            from correspondence_attachment a
            join correspondence c on c.id = a.correspondence_id
            join request r on r.reference = c.reference
            join request_recipient rr on rr.reference = c.reference and rr.party_code = c.party_code
            where r.meeting_id = ? and c.direction = 'IN'
              and (c.classification is null or c.classification = 'HUMAN_REPLY')
              and rr.state = 'ANSWERED' and coalesce(c.received_at, c.created_at) <= rr.answered_at
            """;

    private final JdbcClient jdbc;

    AgreementFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The folder of one agreement, by recipient code (in code order), each country's files oldest first. */
    public Map<String, List<FiledFile>> of(String meetingId, String agreementNumber) {
        Map<String, List<FiledFile>> folder = new LinkedHashMap<>();
        jdbc.sql("select a.id, c.reference, c.party_code, a.filename, a.content_type, a.size_bytes, "
                        + "case when a.content is null then 0 else 1 end, coalesce(c.received_at, c.created_at) "
                        + FILED + " and r.agreement_number = ? order by c.party_code, 8, a.id")
                .params(meetingId, agreementNumber)
                .query((rs, row) -> new FiledFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getInt(7) == 1, instant(rs.getTimestamp(8))))
                .list().forEach(file -> folder.computeIfAbsent(file.partyCode(), code -> new java.util.ArrayList<>())
                        .add(file));
        return folder;
    }

    /** A file of one of the meeting's folders; empty for any other attachment, or one kept only in its message. */
    public Optional<Download> download(String meetingId, long fileId) {
        return jdbc.sql("select a.filename, a.content_type, a.content " + FILED + " and a.id = ? and a.content is not null")
                .params(meetingId, fileId)
                .query((rs, row) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
