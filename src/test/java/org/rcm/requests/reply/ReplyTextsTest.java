package org.rcm.requests.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** The page's texts: the same keys in both languages, dates and sizes as each language writes them. */
class ReplyTextsTest {

    private final ReplyTexts texts = new ReplyTexts(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        Properties es = load("es");
        Properties en = load("en");

        assertThat(es.stringPropertyNames()).as("keys of reply_es").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : es.stringPropertyNames()) {
            assertThat(texts.in("es").get(key, "X", "Y", "Z", "W")).as("es " + key).isNotBlank().doesNotContain("{");
            assertThat(texts.in("en").get(key, "X", "Y", "Z", "W")).as("en " + key).isNotBlank().doesNotContain("{");
        }
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        assertThat(texts.in("en").get("reply.invalid.body", "st@example.org")).contains("link's validity")
                .contains("st@example.org");
    }

    @ParameterizedTest
    @CsvSource({"es, 31 de diciembre de 2026", "en, 'December 31, 2026'"})
    void datesAreWrittenAsEachLanguageWritesThem(String language, String expected) {
        assertThat(texts.in(language).date(LocalDate.of(2026, 12, 31))).isEqualTo(expected);
    }

    @Test
    void timesCarryTheirZone() {
        assertThat(texts.in("en").dateTime(Instant.parse("2026-03-02T14:05:00Z")))
                .contains("March 2, 2026").contains("2:05").endsWith("(GMT)");
    }

    @ParameterizedTest
    @CsvSource({"es, es", "en, en", "fr, es", ", es", "EN, es"})
    void unknownLanguagesFallBackToSpanish(String asked, String expected) {
        assertThat(texts.in(asked).language()).isEqualTo(expected);
        assertThat(ReplyTexts.choose(asked, "en")).isEqualTo(ReplyTexts.speaks(asked)
                ? asked : "en");
    }

    @Test
    void sizesAreShownInMegabytes() {
        assertThat(texts.in("es").size(DataSize.ofMegabytes(25))).isEqualTo("25 MB");
        assertThat(texts.in("es").size(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReplyTextsTest.class.getResourceAsStream("/i18n/reply_" + language + ".properties")) {
            assertThat(in).as("reply_" + language + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
