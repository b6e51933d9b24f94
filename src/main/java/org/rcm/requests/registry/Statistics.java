package org.rcm.requests.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per recipient party, how its requests fared: sent, answered, open, overdue now, and the median and 90th percentile
 * of the days it took to answer. Counted per recipient of a request (a request to IOM and PAHO counts once for each).
 * The counts are summed by the database; the percentiles are computed here from each answer's duration
 * ({@link Percentiles}), which is portable between H2 and PostgreSQL.
 */
@Repository
class Statistics {

    /** Recipients still expected to answer; under review counts too, since the reply is not accepted yet. */
    private static final String OPEN = "'AWAITING_REPLY', 'OVERDUE', 'UNDER_REVIEW'";
    private static final String WAITING = "'AWAITING_REPLY', 'OVERDUE'";
    private static final List<String> KINDS = List.of("ORGANIZATION", "COUNTRY");
    private static final double SECONDS_A_DAY = 86_400;

    private final JdbcClient jdbc;
    private final Clock clock;

    Statistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Meeting(String id, String name) {
    }

    /** The meetings a filter can choose, newest first. */
    List<Meeting> meetings() {
        return jdbc.sql("select id, name from meeting order by starts_on desc, id")
                .query((rs, row) -> new Meeting(rs.getString(1), rs.getString(2))).list();
    }

    StatisticsReport report(StatisticsFilter filter, Locale locale) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(LocalDate.now(clock)));
        String where = where(filter, params);
        List<Counts> counts = jdbc.sql("""
                        select p.code, p.kind, p.name_es, p.name_en, count(*),
                               sum(case when rr.answered_at is not null then 1 else 0 end),
                               sum(case when rr.state in (%s) then 1 else 0 end),
                               sum(case when rr.state in (%s) and rr.reply_due < ? then 1 else 0 end)
                        from request_recipient rr
                        join directory_party p on p.code = rr.party_code
                        join request r on r.reference = rr.reference
                        """.formatted(OPEN, WAITING) + where + " group by p.code, p.kind, p.name_es, p.name_en")
                .params(params)
                .query((rs, row) -> new Counts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
        Map<String, List<Double>> days = daysToAnswer(filter);

        Comparator<StatisticsRow> byName = Comparator.comparing(row -> row.name(locale), Collator.getInstance(locale));
        Map<String, List<StatisticsRow>> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, new ArrayList<>()));
        for (Counts party : counts) {
            byKind.computeIfAbsent(party.kind(), kind -> new ArrayList<>())
                    .add(party.row(days.getOrDefault(party.code(), List.of())));
        }
        List<StatisticsReport.Group> groups = byKind.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new StatisticsReport.Group(entry.getKey(),
                        entry.getValue().stream().sorted(byName).toList()))
                .toList();
        Counts all = new Counts(null, null, null, null, counts.stream().mapToLong(Counts::sent).sum(),
                counts.stream().mapToLong(Counts::answered).sum(), counts.stream().mapToLong(Counts::open).sum(),
                counts.stream().mapToLong(Counts::overdue).sum());
        return new StatisticsReport(groups, all.row(days.values().stream().flatMap(List::stream).toList()));
    }

    /** Per party, the days each answer took (answered − sent). */
    private Map<String, List<Double>> daysToAnswer(StatisticsFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params) + " and rr.answered_at is not null";
        Map<String, List<Double>> days = new HashMap<>();
        jdbc.sql("select rr.party_code, rr.sent_at, rr.answered_at from request_recipient rr "
                        + "join request r on r.reference = rr.reference" + where)
                .params(params)
                .query(rs -> {
                    Duration taken = Duration.between(rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant());
                    days.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
                            .add(taken.toSeconds() / SECONDS_A_DAY);
                });
        return days;
    }

    /** Only sent recipients count; the period is of the sending, in the application's time zone. */
    private String where(StatisticsFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where rr.sent_at is not null");
        if (filter.sentFrom() != null) {
            where.append(" and rr.sent_at >= ?");
            params.add(startOf(filter.sentFrom()));
        }
        if (filter.sentTo() != null) {
            where.append(" and rr.sent_at < ?");
            params.add(startOf(filter.sentTo().plusDays(1)));
        }
        if (filter.meetingId() != null) {
            where.append(" and r.meeting_id = ?");
            params.add(filter.meetingId());
        }
        return where.toString();
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    private record Counts(String code, String kind, String nameEs, String nameEn, long sent, long answered, long open,
                          long overdue) {

        StatisticsRow row(List<Double> days) {
            return new StatisticsRow(code, kind, nameEs, nameEn, sent, answered, open, overdue,
                    StatisticsRow.oneDecimal(Percentiles.median(days)),
                    StatisticsRow.oneDecimal(Percentiles.of(days, 0.9)));
        }
    }
}
