package org.rcm.requests.registry;

import java.util.Locale;

/**
 * One line of the statistics: a recipient party (or a total), counted per recipient of a request. Days to answer are
 * answered − sent, rounded to one decimal; null when nothing was answered.
 */
record StatisticsRow(String code, String kind, String nameEs, String nameEn, long sent, long answered, long open,
                     long overdue, Double medianDays, Double p90Days) {

    /** The name in the page's language (public, as the accessors, for the page template). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }

    /** Answered of sent, in whole percent; null when nothing was sent. */
    public Long answerRate() {
        return sent == 0 ? null : Math.round(100.0 * answered / sent);
    }

    static Double oneDecimal(Double days) {
        return days == null ? null : Math.round(days * 10) / 10.0;
    }
}
