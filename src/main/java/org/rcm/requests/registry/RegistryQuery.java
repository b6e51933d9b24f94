package org.rcm.requests.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.rcm.requests.request.ContactCheck;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry list: requests newest first, filtered, a page at a time or in chunks for the exports. The same SQL runs
 * on H2 and PostgreSQL; a request's recipients come in one query per page or chunk.
 */
@Repository
public class RegistryQuery {

    private static final Pattern WHOLE_REFERENCE = Pattern.compile("(?i)CRM-\\d{4}-\\d{4,}");

    /** Recipient states that still wait for a reply: past their due date they count as overdue. */
    private static final String AWAITED = "('AWAITING_REPLY', 'OVERDUE')";
    private static final String SELECT = """
            select r.reference, r.subject, r.state, r.reply_due, r.meeting_id, r.agreement_number, r.created_at
            from request r
            """;
    private static final String NEWEST_FIRST = " order by r.created_at desc, r.reference desc";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactCheck contactCheck;

    public RegistryQuery(JdbcClient jdbc, Clock clock, ContactCheck contactCheck) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contactCheck = contactCheck;
    }

    /** The filter's page; a page beyond the end is the last page. */
    public RegistryPage page(RegistryFilter filter) {
        LocalDate today = LocalDate.now(clock);
        Where where = where(filter, today);
        long total = count(filter, today);
        RegistryPage empty = new RegistryPage(List.of(), total, filter.page(), filter.size());
        RegistryFilter clamped = filter.withPage(Math.min(filter.page(), empty.totalPages()));
        List<Object> params = new ArrayList<>(where.params);
        params.add(clamped.offset());
        params.add(clamped.size());
        List<RegistryRow> rows = jdbc.sql(SELECT + where.sql + NEWEST_FIRST + " offset ? rows fetch next ? rows only")
                .params(params).query(this::row).list();
        return new RegistryPage(withRecipients(rows, today), total, clamped.page(), clamped.size());
    }

    /** How many requests match the filter (paging aside). */
    public long count(RegistryFilter filter) {
        return count(filter, LocalDate.now(clock));
    }

    /**
     * Counts with joins where the page query has {@code exists}: a page stops after its rows in date order, a count
     * visits every match, and starting from the recipients' indexes visits far fewer rows (see the benchmark).
     */
    private long count(RegistryFilter filter, LocalDate today) {
        StringBuilder from = new StringBuilder("select count(*) from request r");
        List<Object> params = new ArrayList<>();
        if (filter.recipient() != null) {
            // (reference, party_code) is the key: at most one row per request, no duplicates to remove
            from.append(" join request_recipient f on f.reference = r.reference and f.party_code = ?");
            params.add(filter.recipient());
        }
        if (filter.overdueOnly()) {
            from.append(" join (select distinct o.reference from request_recipient o where o.state in ").append(AWAITED)
                    .append(" and o.reply_due < ?) o on o.reference = r.reference");
            params.add(Date.valueOf(today));
        }
        Where where = where(filter.withRecipient(null).withOverdueOnly(false), today);
        params.addAll(where.params);
        return jdbc.sql(from + where.sql).params(params).query(Long.class).single();
    }

    /**
     * Hands every matching row, up to {@code max}, to {@code sink} in chunks of {@code chunk} rows, newest first:
     * each chunk continues after the last row of the one before (keyset), so memory stays flat for any total.
     */
    public void each(RegistryFilter filter, int max, int chunk, Consumer<List<RegistryRow>> sink) {
        LocalDate today = LocalDate.now(clock);
        Where where = where(filter, today);
        RegistryRow last = null;
        int left = max;
        while (left > 0) {
            List<Object> params = new ArrayList<>(where.params);
            String after = "";
            if (last != null) {
                after = " and (r.created_at < ? or (r.created_at = ? and r.reference < ?))";
                Timestamp createdAt = Timestamp.from(last.createdAt());
                params.add(createdAt);
                params.add(createdAt);
                params.add(last.reference());
            }
            int size = Math.min(chunk, left);
            params.add(size);
            List<RegistryRow> rows = jdbc.sql(SELECT + where.sql + after + NEWEST_FIRST + " fetch first ? rows only")
                    .params(params).query(this::row).list();
            if (rows.isEmpty()) {
                return;
            }
            sink.accept(withRecipients(rows, today));
            last = rows.get(rows.size() - 1);
            left -= rows.size();
            if (rows.size() < size) {
                return;
            }
        }
    }

    /** The meetings the filter offers, newest first. */
    public List<MeetingOption> meetings() {
        return jdbc.sql("select id, name from meeting order by starts_on desc, id")
                .query((rs, row) -> new MeetingOption(rs.getString(1), rs.getString(2))).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(RegistryFilter filter, LocalDate today) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" and r.state = ?");
            params.add(filter.state().name());
        }
        if (filter.recipient() != null) {
            sql.append(" and exists (select 1 from request_recipient f where f.reference = r.reference"
                    + " and f.party_code = ?)");
            params.add(filter.recipient());
        }
        if (filter.meetingId() != null) {
            sql.append(" and r.meeting_id = ?");
            params.add(filter.meetingId());
        }
        if (filter.overdueOnly()) {
            sql.append(" and exists (select 1 from request_recipient o where o.reference = r.reference"
                    + " and o.state in " + AWAITED + " and o.reply_due < ?)");
            params.add(Date.valueOf(today));
        }
        if (filter.search() != null && WHOLE_REFERENCE.matcher(filter.search().trim()).matches()) {
            // a whole reference, as officers paste it from an email: the primary key, not a scan of every subject
            sql.append(" and r.reference = ?");
            params.add(filter.search().trim().toUpperCase(Locale.ROOT));
        } else if (filter.search() != null) {
            String pattern = "%" + likeEscaped(filter.search().toLowerCase(Locale.ROOT)) + "%";
            // the subject in either working language
            sql.append(" and (lower(r.reference) like ? escape '!' or lower(r.subject) like ? escape '!'"
                    + " or exists (select 1 from request_text t where t.reference = r.reference"
                    + " and lower(t.subject) like ? escape '!'))");
            params.add(pattern);
            params.add(pattern);
            params.add(pattern);
        }
        return new Where(sql.toString(), params);
    }

    /** The search text taken literally: {@code %} and {@code _} are not wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<RegistryRow> withRecipients(List<RegistryRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<RegistryRow.Recipient>> recipients = new LinkedHashMap<>();
        Map<String, LocalDate> earliestOverdue = new LinkedHashMap<>();
        // as RequestRegistry.recipients reads a recipient for its "check the contact", for a page at once
        jdbc.sql("""
                        select r.reference, r.party_code, r.state, r.reply_due, r.sent_at, r.acknowledged_at,
                               (select max(c.sent_at) from correspondence c where c.reference = r.reference
                                  and c.party_code = r.party_code and c.kind = 'REQUEST' and c.direction = 'OUT'),
                               (select count(*) from correspondence c where c.reference = r.reference
                                  and c.party_code = r.party_code and c.direction = 'IN'
                                  and c.classification = 'HUMAN_REPLY')
                        from request_recipient r where r.reference in (:references) order by r.reference, r.party_code
                        """)
                .param("references", rows.stream().map(RegistryRow::reference).toList())
                .query(rs -> {
                    String reference = rs.getString(1);
                    String code = rs.getString(2);
                    RecipientState state = RecipientState.valueOf(rs.getString(3));
                    LocalDate due = rs.getDate(4).toLocalDate();
                    Instant requestSent = instant(rs.getTimestamp(7));
                    boolean checkContact = contactCheck.due(state, requestSent != null ? requestSent
                            : instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getInt(8) > 0, code);
                    recipients.computeIfAbsent(reference, key -> new ArrayList<>())
                            .add(new RegistryRow.Recipient(code, state, checkContact));
                    if (state.daysOverdue(due, today) > 0) {
                        earliestOverdue.merge(reference, due, (a, b) -> a.isBefore(b) ? a : b);
                    }
                });
        return rows.stream().map(row -> {
            LocalDate due = earliestOverdue.get(row.reference());
            Integer days = due == null ? null : (int) ChronoUnit.DAYS.between(due, today);
            return row.withRecipients(recipients.getOrDefault(row.reference(), List.of()), days);
        }).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private RegistryRow row(ResultSet rs, int number) throws SQLException {
        return new RegistryRow(rs.getString(1), rs.getString(2), RequestState.valueOf(rs.getString(3)),
                rs.getDate(4).toLocalDate(), null, rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), List.of());
    }
}
