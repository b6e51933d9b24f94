package org.rcm.requests.reply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The texts of the reply page in Spanish and English, from {@code i18n/reply_es.properties} and
 * {@code reply_en.properties}, kept apart from the application's {@code messages} as the mail texts are. Every text
 * goes through {@link java.text.MessageFormat}, so an apostrophe is written {@code ''}.
 */
@Component
class ReplyTexts {

    static final List<String> LANGUAGES = List.of("es", "en");

    /** The offset from UTC, {@code GMT-6}: clearer across the region's countries than a zone's short name. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("O");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final ZoneId zone;

    ReplyTexts(Clock clock) {
        this.zone = clock.getZone();
        messages.setBasename("i18n/reply");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    /** Whether the page speaks {@code language} ({@code es} or {@code en}). */
    static boolean speaks(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /** {@code language} if it is one the page speaks, otherwise {@code fallback}, otherwise Spanish. */
    static String choose(String language, String fallback) {
        if (speaks(language)) {
            return language;
        }
        return speaks(fallback) ? fallback : LANGUAGES.get(0);
    }

    Texts in(String language) {
        return new Texts(Locale.forLanguageTag(choose(language, null)));
    }

    /** The texts of one language; the templates call {@code t.get('key', args...)}. */
    final class Texts {

        private final Locale locale;

        private Texts(Locale locale) {
            this.locale = locale;
        }

        public String language() {
            return locale.getLanguage();
        }

        public String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        public String date(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        }

        public String dateTime(Instant instant) {
            if (instant == null) {
                return "";
            }
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                    .withZone(zone).format(instant) + " (" + OFFSET.withLocale(locale).withZone(zone).format(instant) + ")";
        }

        public String size(DataSize size) {
            long bytes = size.toBytes();
            return bytes % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
        }
    }
}
