package org.rcm.requests.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RequestKind;

/** Each kind of problem in a meeting file is reported with its line; a good file comes out whole. */
class MeetingFileParserTest {

    private static final Set<String> KNOWN = Set.of("IOM", "PAHO", "ICRC", "UNHCR", "UNODC", "CSM", "CA", "CR", "SV",
            "US", "GT", "HN", "MX", "PA", "DO", "BR", "EC", "CO");

    private MeetingFileParser parser;

    @BeforeEach
    void parser() {
        Directory directory = mock(Directory.class);
        when(directory.unknown(anyCollection())).thenAnswer(call -> ((Collection<?>) call.getArgument(0)).stream()
                .map(String::valueOf).filter(code -> !KNOWN.contains(code)).toList());
        parser = new MeetingFileParser(directory, new MeetingsProperties(30, 2048));
    }

    @Test
    void aGoodFileGivesTheMeetingItsAgreementsAndTheirRequests() throws IOException {
        MeetingFile file = parser.parse(fixture("two-problems.yaml").replace("2016-02-30", "2016-07-13")
                .replace("favour", "support").getBytes(StandardCharsets.UTF_8));

        assertThat(file.meeting().id()).as("meeting id").isEqualTo("test-meeting");
        assertThat(file.meeting().from()).as("meeting start").isEqualTo(LocalDate.of(2016, 7, 13));
        assertThat(file.meeting().language()).as("language defaults to Spanish").isEqualTo("es");
        assertThat(file.agreements()).as("agreements").singleElement().satisfies(agreement -> {
            assertThat(agreement.number()).as("agreement number").isEqualTo("1a");
            assertThat(agreement.requests()).as("requests of 1a").singleElement().satisfies(request -> {
                assertThat(request.recipients()).as("recipients").containsExactly("IOM");
                assertThat(request.kind()).as("kind").isEqualTo(RequestKind.SUPPORT);
                assertThat(request.line()).as("line of the request").isEqualTo(12);
            });
        });
    }

    @ParameterizedTest(name = "{0}: line {1}")
    @CsvSource(delimiter = '|', value = {
            "bad-date.yaml          | 5  | invalid date 2016-13-01",
            "to-before-from.yaml    | 6  | 'to' 2016-07-12 is before 'from' 2016-07-13",
            "unknown-key.yaml       | 5  | unknown key 'venue' in 'meeting'",
            "missing-key.yaml       | 2  | missing key 'place' in 'meeting'",
            "unknown-recipient.yaml | 14 | unknown directory code: XX",
            "unknown-kind.yaml      | 15 | unknown kind 'favour'",
            "empty-subject.yaml     | 12 | 'subject' is empty",
            "empty-body.yaml        | 13 | 'body' is empty",
            "duplicate-number.yaml  | 16 | duplicate agreement number 1a (already on line 8)",
            "bad-id.yaml            | 2  | invalid id 'Reunión Panamá'",
            "not-yaml.yaml          | 3  | not valid YAML",
            "not-a-mapping.yaml     | 1  | the file must have the keys meeting and agreements"})
    void aProblemIsReportedWithItsLineInBothLanguages(String fixture, int line, String english) throws IOException {
        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class,
                () -> parser.parse(fixture(fixture).getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).as(fixture + " is refused").isNotNull();
        assertThat(refused.errors()).as("problems of " + fixture).singleElement().asString()
                .startsWith("línea " + line + ": ").contains("/ line " + line + ": " + english);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class,
                () -> parser.parse(fixture("two-problems.yaml").getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.errors()).as("both problems, in file order").hasSize(2);
        assertThat(refused.errors().get(0)).as("first problem").contains("line 5: invalid date 2016-02-30");
        assertThat(refused.errors().get(1)).as("second problem").contains("line 15: unknown kind 'favour'");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedUnread() {
        byte[] large = ("# " + "x".repeat(3000) + "\n").getBytes(StandardCharsets.UTF_8);

        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class, () -> parser.parse(large));

        assertThat(refused.errors()).as("the size problem").singleElement().asString()
                .contains("the file is too large (at most 2048 bytes)");
    }

    @Test
    void anEmptyFileOrOneThatIsNotUtf8IsRefused() {
        assertThat(catchThrowableOfType(MeetingFileException.class, () -> parser.parse(new byte[0])).errors())
                .as("empty file").containsExactly("el archivo está vacío / the file is empty");
        byte[] latin1 = "meeting:\n  name: Reuni\u00f3n\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(catchThrowableOfType(MeetingFileException.class, () -> parser.parse(latin1)).errors())
                .as("Latin-1 file").containsExactly("el archivo no es texto UTF-8 / the file is not UTF-8 text");
    }

    @Test
    void anAnchorThatRepeatsAWholeListIsRefused() {
        String bomb = "a: &a [x, x, x]\nb: [*a, *a, *a]\n";

        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class,
                () -> parser.parse(bomb.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.errors()).as("alias problem").singleElement().asString().contains("not valid YAML");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = MeetingFileParserTest.class.getResourceAsStream("/meetings/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRequestMayGiveItsTextInBothLanguages() {
        MeetingFile file = parser.parse(withRequest("""
                      - subject: Capacitación
                        body: Solicitamos una capacitación.
                        subjects: {en: Training}
                        bodies:
                          en: |
                            We request a training.
                        recipients: [UNHCR]
                """));

        assertThat(file.agreements().get(0).requests()).as("the request").singleElement().satisfies(request -> {
            assertThat(request.language()).as("its language, the meeting's").isEqualTo("es");
            assertThat(request.subject()).as("its subject").isEqualTo("Capacitación");
            assertThat(request.subjects()).as("its subjects by language").containsExactly(entry("en", "Training"));
            assertThat(request.bodies()).as("its bodies by language")
                    .containsExactly(entry("en", "We request a training."));
        });
    }

    @Test
    void aRequestGivenOnlyInEnglishIsInEnglish() {
        MeetingFile file = parser.parse(withRequest("""
                      - subjects: {en: Campaign}
                        bodies: {en: We request support for the campaign.}
                        recipients: [UNODC]
                """));

        assertThat(file.agreements().get(0).requests().get(0).language()).as("language of the request")
                .isEqualTo("en");
    }

    @Test
    void aRequestMayNameItsTopicAndAskForAnAcknowledgement() {
        MeetingFile file = parser.parse(withRequest("""
                      - subject: Puntos focales
                        body: Solicitamos sus puntos focales.
                        recipients: [MX, GT]
                        kind: focal_points
                        topic: Flujos-Extrarregionales
                        acknowledgement: true
                      - subject: Consulados
                        body: Solicitamos la lista.
                        recipients: [MX]
                """));

        assertThat(file.agreements().get(0).requests()).extracting(MeetingFile.RequestEntry::topic,
                MeetingFile.RequestEntry::acknowledgement).as("topic (as a code) and acknowledgement of each request")
                .containsExactly(tuple("flujos-extrarregionales", true), tuple(null, false));
    }

    /** Each request's keys, separated by {@code ;}, and the problem with its line (the request starts on line 12). */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "body: Texto; recipients: [IOM] | 12 | missing key 'subject' (or 'subjects') in 'requests'",
            "subject: S; body: B; subjects: {fr: Sujet}; recipients: [IOM] | 14 | unknown key 'fr' in 'subjects'",
            "subject: S; body: B; bodies: {en: \"\"}; recipients: [IOM] | 14 | 'en' is empty",
            "subject: S; body: B; recipients: [IOM]; topic: tráfico ilícito | 15 | invalid topic tráfico ilícito",
            "subject: S; body: B; recipients: [IOM]; acknowledgement: sí | 15 | 'acknowledgement' must be true or false"})
    void aRequestsTextsAreCheckedWithTheirLine(String keys, int line, String english) {
        String request = "      - " + String.join("\n        ", keys.split("; ")) + "\n";

        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class,
                () -> parser.parse(withRequest(request)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errors()).as("problems").singleElement().asString()
                .contains("/ line " + line + ": " + english);
    }

    /** A meeting whose one agreement has the request given, which starts on line 12. */
    private static byte[] withRequest(String request) {
        return ("""
                meeting:
                  id: test-meeting
                  name: Reunión de prueba
                  place: Ciudad de Panamá, Panamá
                  from: 2016-07-13
                  to: 2016-07-14
                agreements:
                  - number: 1a
                    text: Solicitar información.
                    responsible: ST
                    requests:
                """ + request).getBytes(StandardCharsets.UTF_8);
    }
}
