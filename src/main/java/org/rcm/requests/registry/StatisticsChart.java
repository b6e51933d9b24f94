package org.rcm.requests.registry;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;

/**
 * What {@code static/js/statistics.js} draws, serialized into the page as JSON: per party, requests sent and
 * answered, and median and 90th-percentile days to answer; the texts already in the page's language.
 */
record StatisticsChart(List<String> labels, String countsTitle, String daysTitle, String requestsAxis,
                       String daysAxis, Series sent, Series answered, Series median, Series p90) {

    record Series(String label, List<? extends Number> data) {
    }

    static StatisticsChart of(StatisticsReport report, Locale locale, MessageSource messages) {
        List<StatisticsRow> rows = report.rows();
        Function<String, String> text = key -> messages.getMessage(key, null, locale);
        return new StatisticsChart(rows.stream().map(row -> row.name(locale)).toList(),
                text.apply("statistics.chart.counts"), text.apply("statistics.chart.days"),
                text.apply("statistics.chart.requests"), text.apply("statistics.chart.daysAxis"),
                new Series(text.apply("statistics.column.sent"), rows.stream().map(StatisticsRow::sent).toList()),
                new Series(text.apply("statistics.column.answered"),
                        rows.stream().map(StatisticsRow::answered).toList()),
                new Series(text.apply("statistics.column.median"),
                        rows.stream().map(StatisticsRow::medianDays).toList()),
                new Series(text.apply("statistics.column.p90"), rows.stream().map(StatisticsRow::p90Days).toList()));
    }
}
