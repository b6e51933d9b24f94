package org.rcm.requests.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rcm.requests.web.CsvWriter;
import org.springframework.context.MessageSource;

/** The statistics table as CSV (comma-separated, UTF-8, decimal point), for a spreadsheet. */
final class StatisticsCsv {

    private static final List<String> COLUMNS = List.of("kind", "code", "party", "sent", "answered", "rate", "open",
            "overdue", "median", "p90");

    private StatisticsCsv() {
    }

    static String of(StatisticsReport report, Locale locale, MessageSource messages) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.stream().map(column -> messages.getMessage("statistics.column." + column, null, locale))
                .toList());
        for (StatisticsRow row : report.rows()) {
            line(csv, values(messages.getMessage("statistics.kind." + row.kind(), null, locale), row.code(),
                    row.name(locale), row));
        }
        line(csv, values("", "", messages.getMessage("statistics.totals", null, locale), report.totals()));
        return csv.toString();
    }

    private static List<Object> values(String kind, String code, String name, StatisticsRow row) {
        return Arrays.asList(kind, code, name, row.sent(), row.answered(), row.answerRate(), row.open(),
                row.overdue(), row.medianDays(), row.p90Days());
    }

    private static void line(StringBuilder csv, List<?> values) {
        csv.append(CsvWriter.row(values));
    }
}
