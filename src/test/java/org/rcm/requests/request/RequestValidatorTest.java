package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rcm.requests.calendar.Holidays;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.directory.Directory;

class RequestValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2016, 7, 14);

    private final Directory directory = mock(Directory.class);
    private final RequestValidator validator = new RequestValidator(directory,
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @Test
    void acceptsAValidRequestWithDefaults() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        ValidRequest request = validator.validate(new NewRequest(" Mapeo ", "Texto", List.of("iom"), "2016-07-28",
                null, null));

        assertThat(request).as("cleaned request").isEqualTo(new ValidRequest("Mapeo", "Texto", List.of("IOM"),
                LocalDate.of(2016, 7, 28), RequestKind.INFORMATION, "es"));
    }

    @Test
    void takesTheDatePartOfATimestamp() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThat(validator.validate(new NewRequest("S", "B", List.of("IOM"), "2016-07-28T00:00:00Z", "support",
                "en")).replyDue()).as("due date of a timestamp").isEqualTo(LocalDate.of(2016, 7, 28));
    }

    @Test
    void namesEveryWrongField() {
        when(directory.unknown(List.of("XX"))).thenReturn(List.of("XX"));

        assertThatThrownBy(() -> validator.validate(new NewRequest("", " ", List.of("xx"), "2016-07-13", "gossip",
                "fr")))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("subject", "body", "recipients", "replyDue", "kind",
                                "language")
                        .hasEntrySatisfying("replyDue", message -> assertThat(message).contains("past")));
    }

    @Test
    void refusesMissingRecipientsAndUnreadableDates() {
        assertThatThrownBy(() -> validator.validate(new NewRequest("S", "B", List.of(), "28/07/2016", null, null)))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("recipients", "replyDue")
                        .hasEntrySatisfying("replyDue", message -> assertThat(message).contains("YYYY-MM-DD")));
    }

    @Test
    void aLongTextIsTakenAndOnePastTheLimitIsRefused() {
        when(directory.unknown(List.of("MX"))).thenReturn(List.of());

        assertThat(validator.validate(new NewRequest("S", "x".repeat(100_000), List.of("MX"), TODAY.toString(), null,
                null)).body()).as("a 100,000-character text").hasSize(100_000);
        assertThatThrownBy(() -> validator.validate(new NewRequest("S", "x".repeat(RequestValidator.MAX_BODY + 1),
                List.of("MX"), TODAY.toString(), null, null)))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("body"));
    }

    @Test
    void subjectWithALineBreakIsRefusedSoThatNoHeaderCanBeInjected() {
        when(directory.unknown(List.of("MX"))).thenReturn(List.of());

        assertThatThrownBy(() -> validator.validate(new NewRequest("Asunto\r\nBcc: spy@example.com", "B",
                List.of("MX"), TODAY.toString(), null, null)))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("subject"));
    }

    @Test
    void todayIsAnAcceptableDueDate() {
        when(directory.unknown(List.of("MX"))).thenReturn(List.of());

        assertThat(validator.validate(new NewRequest("S", "B", List.of("MX"), TODAY.toString(), null, null))
                .replyDue()).as("due today").isEqualTo(TODAY);
    }

    @Test
    void takesTheOtherLanguageBesideTheRequestsOwn() {
        when(directory.unknown(List.of("IOM", "PAHO"))).thenReturn(List.of());

        ValidRequest request = validator.validate(new NewRequest(" Mapeo ", "Texto", List.of("IOM", "PAHO"),
                "2016-07-28", null, "es", Map.of("en", " Mapping "), Map.of("en", "Text", "es", "Texto")));

        assertThat(request.texts()).as("the Spanish text first, then the English one")
                .containsExactly(new RequestText("es", "Mapeo", "Texto"), new RequestText("en", "Mapping", "Text"));
    }

    @Test
    void aRequestGivenOnlyInEnglishByLanguageIsInEnglish() {
        when(directory.unknown(List.of("UNODC"))).thenReturn(List.of());

        ValidRequest request = validator.validate(new NewRequest(null, null, List.of("UNODC"), "2016-07-28", null,
                null, Map.of("en", "Campaign"), Map.of("en", "Support for the campaign.")));

        assertThat(request.language()).as("language of a request given only in English").isEqualTo("en");
        assertThat(request.texts()).as("its one text")
                .containsExactly(new RequestText("en", "Campaign", "Support for the campaign."));
    }

    @Test
    void eachLanguageNeedsSubjectAndBody() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThatThrownBy(() -> validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), "2016-07-28",
                null, "es", Map.of("en", "Mapping"), Map.of())))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("bodies.en")
                        .hasEntrySatisfying("bodies.en", message -> assertThat(message).contains("English body")));
    }

    @Test
    void twoDifferentTextsForTheRequestsLanguageAreRefused() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThatThrownBy(() -> validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), "2016-07-28",
                null, "es", Map.of("es", "Otro asunto"), Map.of())))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("subjects.es"));
    }

    @Test
    void aLanguageOtherThanTheWorkingLanguagesIsRefused() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThatThrownBy(() -> validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), "2016-07-28",
                null, "es", Map.of("fr", "Cartographie"), Map.of("fr", "Texte"))))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("subjects", "bodies"));
    }

    @Test
    void theOtherLanguagesSubjectIsOneLine() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThatThrownBy(() -> validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), "2016-07-28",
                null, "es", Map.of("en", "Mapping\r\nBcc: spy@example.com"), Map.of("en", "Text"))))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.errors())
                        .as("fields named").containsOnlyKeys("subjects.en"));
    }

    @Test
    void dueDateInWorkingDaysIsCountedInEachRecipientsCalendar() {
        when(directory.unknown(List.of("IOM", "UNHCR"))).thenReturn(List.of());
        Holidays holidays = new Holidays("test", Map.of("PA", new Holidays.Country(
                Map.of(LocalDate.of(2016, 7, 15), "a holiday"), true)));
        RequestValidator counting = new RequestValidator(directory, Clock.fixed(
                TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                new WorkingDays(holidays, Map.of("IOM", "CR", "UNHCR", "PA")::get));

        ValidRequest request = counting.validate(new NewRequest("Mapeo", "Texto", List.of("IOM", "UNHCR"), null,
                null, null, Map.of(), Map.of(), "2", null, null));

        assertThat(request.replyDueWorkingDays()).as("the working days").isEqualTo(2);
        assertThat(request.replyDue("IOM")).as("IOM's date: two working days after Thursday 14 July 2016")
                .isEqualTo(LocalDate.of(2016, 7, 18));
        assertThat(request.replyDue("UNHCR")).as("UNHCR's date, over Panama's holiday of 15 July")
                .isEqualTo(LocalDate.of(2016, 7, 19));
        assertThat(request.replyDue()).as("the request's own: the latest").isEqualTo(LocalDate.of(2016, 7, 19));
        assertThat(counting.validate(new NewRequest("Mapeo", "Texto", List.of("IOM", "UNHCR"), null, null, null,
                Map.of(), Map.of(), "2.0", null, null)).replyDueWorkingDays()).as("a form's number 2.0").isEqualTo(2);
    }

    @Test
    void dueDateIsADateOrWorkingDaysNeverBothOrNeither() {
        when(directory.unknown(List.of("IOM"))).thenReturn(List.of());

        assertThat(errors("2016-07-28", "10")).as("both").containsOnlyKeys("replyDueWorkingDays")
                .containsValue("Indique la fecha límite (replyDue) o los días hábiles (replyDueWorkingDays), no ambos"
                        + " / Give either the reply due date (replyDue) or the working days to reply "
                        + "(replyDueWorkingDays), not both");
        assertThat(errors(null, " ")).as("neither").containsOnlyKeys("replyDue")
                .containsValue("Indique la fecha límite de respuesta o los días hábiles para responder "
                        + "(replyDueWorkingDays) / Give the reply due date or the working days to reply "
                        + "(replyDueWorkingDays)");
        for (String bad : List.of("0", "-3", "2.5", "diez", "261")) {
            assertThat(errors(null, bad)).as("working days '%s'", bad).containsOnlyKeys("replyDueWorkingDays")
                    .containsValue("Los días hábiles para responder deben ser un número entero entre 1 y 260 / "
                            + "Working days to reply must be a whole number from 1 to 260: " + bad);
        }
    }

    @Test
    void aTopicIsALowerCaseCodeOrRefusedInBothLanguages() {
        ValidRequest request = validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"),
                LocalDate.now().plusDays(10).toString(), null, null, Map.of(), Map.of(), null, null, " Smuggling "));
        assertThat(request.topic()).as("trimmed, in lower case").isEqualTo("smuggling");

        try {
            validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), LocalDate.now().plusDays(10)
                    .toString(), null, null, Map.of(), Map.of(), null, null, "tráfico ilícito"));
            throw new AssertionError("a topic with accents and a space was taken");
        } catch (RequestValidationException e) {
            assertThat(e.errors()).containsOnlyKeys("topic");
            assertThat(e.errors().get("topic")).contains("tema no válido tráfico ilícito")
                    .contains("invalid topic tráfico ilícito");
        }
    }

    private Map<String, String> errors(String replyDue, String workingDays) {
        try {
            validator.validate(new NewRequest("Mapeo", "Texto", List.of("IOM"), replyDue, null, null, Map.of(),
                    Map.of(), workingDays, null, null));
        } catch (RequestValidationException e) {
            return e.errors();
        }
        throw new AssertionError("the request should have been refused");
    }
}
