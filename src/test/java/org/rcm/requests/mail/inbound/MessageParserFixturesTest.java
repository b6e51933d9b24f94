package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message in {@code src/test/resources/mail/} against its expected reading in the sibling
 * {@code <name>.expected.properties}. Keys: {@code classification} (always), {@code replyText} (compared with
 * whitespace runs normalised), {@code bounce.addresses}/{@code bounce.status}/{@code bounce.permanent}/
 * {@code bounce.reasonContains} for bounces, and optionally {@code subject}, {@code from}, {@code fromName},
 * {@code messageId}, {@code inReplyTo}, {@code date}, {@code attachments}, {@code attachmentTypes},
 * {@code originalMessageIds}, {@code bodyText.contains}, {@code bodyText.notContains}. An empty value means null or
 * empty. An unknown key fails the test, so that a misspelt expectation cannot pass silently.
 */
class MessageParserFixturesTest {

    private static final int MINIMUM_FIXTURES = 45;
    private static final Set<String> KNOWN_KEYS = Set.of("classification", "replyText", "bounce.addresses",
            "bounce.status", "bounce.permanent", "bounce.reasonContains", "subject", "from", "fromName", "messageId",
            "inReplyTo", "date", "attachments", "attachmentTypes", "originalMessageIds", "bodyText.contains",
            "bodyText.notContains");

    private final MessageParser parser = new MessageParser();

    static Path fixtureDir() throws URISyntaxException {
        return Path.of(MessageParserFixturesTest.class.getResource("/mail").toURI());
    }

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtureDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - ".eml".length()))
                    .sorted()
                    .toList().stream();
        }
    }

    @Test
    void theFixtureSetIsCompleteAndLargeEnough() throws Exception {
        List<String> names = fixtures().toList();
        assertThat(names).as("fixtures in src/test/resources/mail").hasSizeGreaterThanOrEqualTo(MINIMUM_FIXTURES);
        try (Stream<Path> files = Files.list(fixtureDir())) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.properties"))
                    .forEach(n -> assertThat(names).as("expectation without a message: " + n)
                            .contains(n.substring(0, n.length() - ".expected.properties".length())));
        }
        System.out.println("[fixtures] " + names.size() + " messages with expected readings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsAsExpected(String fixture) throws Exception {
        Path dir = fixtureDir();
        Path expectedFile = dir.resolve(fixture + ".expected.properties");
        assertThat(expectedFile).as("%s: expected reading %s", fixture, expectedFile.getFileName()).exists();
        Properties expected = new Properties();
        try (Reader reader = Files.newBufferedReader(expectedFile, StandardCharsets.UTF_8)) {
            expected.load(reader);
        }
        assertThat(expected.stringPropertyNames()).as("%s: keys", fixture).isSubsetOf(KNOWN_KEYS);
        assertThat(expected.getProperty("classification")).as("%s: classification key", fixture).isNotBlank();

        ParsedMessage m = parser.parse(Files.readAllBytes(dir.resolve(fixture + ".eml")));

        assertThat(m.classification()).as("%s: classification", fixture)
                .isEqualTo(Classification.valueOf(expected.getProperty("classification")));
        if (expected.containsKey("replyText")) {
            assertThat(normalise(m.replyText())).as("%s: replyText, was:%n%s", fixture, m.replyText())
                    .isEqualTo(normalise(expected.getProperty("replyText")));
        }
        checkBounce(fixture, expected, m);
        checkOptional(fixture, expected, "subject", m.subject());
        checkOptional(fixture, expected, "from", m.from());
        checkOptional(fixture, expected, "fromName", m.fromName());
        checkOptional(fixture, expected, "messageId", m.messageId());
        checkOptional(fixture, expected, "inReplyTo", m.inReplyTo());
        checkOptional(fixture, expected, "date", m.date() == null ? null : m.date().toString());
        if (expected.containsKey("attachments")) {
            assertThat(m.attachments()).as("%s: attachments", fixture).extracting(ReceivedAttachment::filename)
                    .containsExactlyElementsOf(list(expected.getProperty("attachments")));
            assertThat(m.attachments()).as("%s: attachment content", fixture)
                    .allSatisfy(a -> assertThat(a.content()).isNotEmpty());
        }
        if (expected.containsKey("attachmentTypes")) {
            assertThat(m.attachments()).as("%s: attachment types", fixture).extracting(ReceivedAttachment::contentType)
                    .containsExactlyElementsOf(list(expected.getProperty("attachmentTypes")));
        }
        if (expected.containsKey("originalMessageIds")) {
            assertThat(m.originalMessageIds()).as("%s: originalMessageIds", fixture)
                    .containsAll(list(expected.getProperty("originalMessageIds")));
        }
        if (expected.containsKey("bodyText.contains")) {
            assertThat(m.bodyText()).as("%s: bodyText", fixture).contains(expected.getProperty("bodyText.contains"));
        }
        if (expected.containsKey("bodyText.notContains")) {
            assertThat(m.bodyText()).as("%s: bodyText", fixture)
                    .doesNotContain(expected.getProperty("bodyText.notContains"));
        }
    }

    private static void checkBounce(String fixture, Properties expected, ParsedMessage m) {
        if (m.classification() != Classification.BOUNCE) {
            assertThat(m.bounce()).as("%s: bounce of a non-bounce", fixture).isNull();
            assertThat(expected.stringPropertyNames()).as("%s: bounce keys on a non-bounce", fixture)
                    .noneMatch(k -> k.startsWith("bounce."));
            return;
        }
        assertThat(m.bounce()).as("%s: bounce report", fixture).isNotNull();
        assertThat(expected.getProperty("bounce.addresses")).as("%s: bounce.addresses key", fixture).isNotNull();
        assertThat(expected.getProperty("bounce.permanent")).as("%s: bounce.permanent key", fixture).isNotNull();
        assertThat(m.bounce().addresses()).as("%s: bounce.addresses", fixture)
                .containsExactlyElementsOf(list(expected.getProperty("bounce.addresses")));
        assertThat(m.bounce().permanent()).as("%s: bounce.permanent", fixture)
                .isEqualTo(Boolean.parseBoolean(expected.getProperty("bounce.permanent")));
        if (expected.containsKey("bounce.status")) {
            assertThat(m.bounce().status()).as("%s: bounce.status", fixture)
                    .isEqualTo(expected.getProperty("bounce.status"));
        }
        if (expected.containsKey("bounce.reasonContains")) {
            assertThat(m.bounce().reason()).as("%s: bounce.reason", fixture)
                    .contains(expected.getProperty("bounce.reasonContains"));
        }
    }

    private static void checkOptional(String fixture, Properties expected, String key, String actual) {
        if (expected.containsKey(key)) {
            String value = expected.getProperty(key);
            if (value.isEmpty()) {
                assertThat(actual).as("%s: %s", fixture, key).isNullOrEmpty();
            } else {
                assertThat(actual).as("%s: %s", fixture, key).isEqualTo(value);
            }
        }
    }

    static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    /** Whitespace runs (spaces, tabs, line breaks) to one space: the comparison is about the words and their order. */
    static String normalise(String text) {
        return text == null ? "" : text.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
    }
}
