package org.rcm.requests.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private static List<String> values(String kind, String code, String name, StatisticsRow row) {
        List<String> values = new ArrayList<>(List.of(kind, code, name));
        Stream.of(row.sent(), row.answered(), row.answerRate(), row.open(), row.overdue(), row.medianDays(),
                row.p90Days()).map(value -> value == null ? "" : value.toString()).forEach(values::add);
        return values;
    }

    private static void line(StringBuilder csv, List<String> values) {
        csv.append(values.stream().map(StatisticsCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quoted where needed (RFC 4180); a text a spreadsheet would take for a formula is prefixed with a quote. */
    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
