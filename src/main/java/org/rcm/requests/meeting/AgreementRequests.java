package org.rcm.requests.meeting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the requests made for meetings' agreements, one row per recipient, and the meetings list's counts. */
@Repository
class AgreementRequests {

    private static final String AWAITED = "rr.state in ('AWAITING_REPLY', 'OVERDUE') and rr.reply_due < ?";
    private static final String OF_MEETING = "from request_recipient rr join request r on r.reference = rr.reference "
            + "where r.meeting_id = m.id";

    private final JdbcClient jdbc;

    AgreementRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String agreementNumber, int position, String reference, String subject, RequestState requestState,
               String code, String nameEs, String nameEn, RecipientState state, LocalDate replyDue, Instant sentAt,
               Instant answeredAt) {
    }

    List<Row> ofMeeting(String meetingId) {
        return jdbc.sql("""
                select r.agreement_number, r.agreement_position, r.reference, r.subject, r.state,
                       rr.party_code, p.name_es, p.name_en, rr.state, rr.reply_due, rr.sent_at, rr.answered_at
                from request r
                join request_recipient rr on rr.reference = r.reference
                join directory_party p on p.code = rr.party_code
                where r.meeting_id = ?
                order by r.agreement_number, r.agreement_position, rr.party_code
                """).param(meetingId).query(AgreementRequests::row).list();
    }

    /** Every meeting, latest first; overdue counts recipients awaited past their date on {@code today}. */
    List<MeetingSummary> summaries(LocalDate today) {
        return jdbc.sql("select m.id, m.name, m.place, m.starts_on, m.ends_on, "
                        + "(select count(*) from agreement a where a.meeting_id = m.id), "
                        + "(select count(*) from request r where r.meeting_id = m.id), "
                        + "(select count(*) " + OF_MEETING + "), "
                        + "(select count(*) " + OF_MEETING + " and rr.state = 'ANSWERED'), "
                        + "(select count(*) " + OF_MEETING + " and " + AWAITED + ") "
                        + "from meeting m order by m.starts_on desc, m.id")
                .param(Date.valueOf(today))
                .query((rs, row) -> new MeetingSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getInt(6), rs.getInt(7),
                        new MeetingView.Progress(rs.getInt(9), rs.getInt(8)), rs.getInt(10))).list();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                RequestState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                RecipientState.valueOf(rs.getString(9)), rs.getDate(10).toLocalDate(), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
