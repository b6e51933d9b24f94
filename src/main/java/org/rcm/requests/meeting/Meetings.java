package org.rcm.requests.meeting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rcm.requests.meeting.MeetingFile.AgreementEntry;
import org.rcm.requests.meeting.MeetingFile.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meeting and agreement tables, and which agreement requests exist already (the import's idempotence). */
@Repository
class Meetings {

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Meeting(String id, String name, String place, LocalDate startsOn, LocalDate endsOn, String language,
                   Instant importedAt) {
    }

    record Agreement(String number, String text, String responsible, LocalDate dueOn) {
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from meeting where id = ?").param(id).query(Integer.class).single() > 0;
    }

    void insert(Header meeting, Instant importedAt) {
        jdbc.sql("""
                insert into meeting (id, name, place, starts_on, ends_on, language, imported_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(meeting.id(), meeting.name(), meeting.place(), Date.valueOf(meeting.from()),
                Date.valueOf(meeting.to()), meeting.language(), Timestamp.from(importedAt)).update();
    }

    Set<String> agreementNumbers(String meetingId) {
        return new HashSet<>(jdbc.sql("select number from agreement where meeting_id = ?").param(meetingId)
                .query(String.class).list());
    }

    void insertAgreement(String meetingId, AgreementEntry agreement, int position) {
        jdbc.sql("""
                insert into agreement (meeting_id, number, text, responsible, due_on, position)
                values (?, ?, ?, ?, ?, ?)
                """).params(meetingId, agreement.number(), agreement.text(), agreement.responsible(),
                agreement.due() == null ? null : Date.valueOf(agreement.due()), position).update();
    }

    /** The requests made for the meeting's agreements so far, as {@code number#position}. */
    Set<String> linkedRequests(String meetingId) {
        return new HashSet<>(jdbc.sql("select agreement_number, agreement_position from request where meeting_id = ?")
                .param(meetingId).query((rs, row) -> key(rs.getString(1), rs.getInt(2))).list());
    }

    static String key(String agreementNumber, int position) {
        return agreementNumber + "#" + position;
    }

    Optional<Meeting> find(String id) {
        return jdbc.sql("select id, name, place, starts_on, ends_on, language, imported_at from meeting where id = ?")
                .param(id).query((rs, row) -> new Meeting(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).optional();
    }

    List<Agreement> agreements(String meetingId) {
        return jdbc.sql("select number, text, responsible, due_on from agreement where meeting_id = ? "
                        + "order by position, number").param(meetingId)
                .query((rs, row) -> {
                    Date due = rs.getDate(4);
                    return new Agreement(rs.getString(1), rs.getString(2), rs.getString(3),
                            due == null ? null : due.toLocalDate());
                }).list();
    }
}
