package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The team's real-world corpus ({@code ../shared/mail-corpus/}, beside the project): messages from the public test
 * suites of talon, email_reply_parser and sisimai, each with the reading that its README expects. One dynamic test per
 * expected reading. The upstream files are read in place and never copied into the project (their licences and the
 * README say so); where the folder is absent (a fresh clone elsewhere) the check is skipped, not failed.
 *
 * <p>Whitespace runs are normalised before comparing texts, as the README says "whitespace aside".
 */
class MailCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("mail.corpus.dir", "../shared/mail-corpus"))
            .toAbsolutePath().normalize();
    private static final AtomicInteger REACHED = new AtomicInteger();
    private static final List<String> READINGS = new ArrayList<>();

    private final MessageParser parser = new MessageParser();

    @TestFactory
    Stream<DynamicTest> everyExpectedReadingOfTheReadme() {
        if (!Files.isDirectory(CORPUS)) {
            // reported as one skipped test, with the reason, rather than as nothing at all
            return Stream.of(DynamicTest.dynamicTest("mail corpus", () -> Assumptions.assumeTrue(false,
                    CORPUS + " not found: the corpus check runs where the team's shared folder sits beside the project"
                            + " (…/shared/mail-corpus)")));
        }
        List<DynamicTest> tests = new ArrayList<>();

        // talon: standard replies, visible text "Hello"
        for (String client : List.of("android", "apple_mail", "gmail", "hotmail", "thunderbird", "yahoo", "outlook")) {
            tests.add(reading("talon/standard_replies/" + client + ".eml", m -> {
                assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
                assertThat(norm(m.replyText())).isEqualTo("Hello");
            }));
        }
        // talon: iphone and sparrow. talon strips quotes only, so its expected text keeps the signature
        // ("Sent from my iPhone", "-- xxx Sent with Sparrow"): that is the quote-stripping step; replyText then
        // also drops the signature, as this project requires.
        for (String client : List.of("iphone", "sparrow")) {
            tests.add(reading("talon/standard_replies/" + client + ".eml", m -> {
                String expected = read("talon/standard_replies/" + client + ".expected_reply.txt");
                assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
                assertThat(norm(ReplyTextExtractor.withoutQuotes(m.bodyText()))).isEqualTo(norm(expected));
                assertThat(norm(m.replyText())).isEqualTo("Hello");
                assertThat(norm(expected)).startsWith(norm(m.replyText()));
            }));
        }
        // talon: HTML bodies only, wrapped in a minimal text/html message
        for (String client : List.of("gmail", "hotmail", "ms_outlook_2007", "thunderbird", "windows_mail", "yandex_ru")) {
            String file = "talon/html_replies/" + client + ".html";
            tests.add(DynamicTest.dynamicTest(file, () -> check(file,
                    parser.parse(wrap("text/html; charset=UTF-8", bytes(file))), m -> {
                        assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
                        assertThat(norm(m.replyText())).isEqualTo("Hi. I am fine. Thanks, Alex");
                    })));
        }
        tests.add(reading("talon/reply-quotations-share-block.eml", m -> {
            assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
            assertThat(norm(m.replyText())).startsWith("Hi Katharine.").endsWith("Joe XXX")
                    .contains("look forward to hearing from you soon.")
                    .doesNotContain("wrote:", "booking inquiry", "From:");
        }));

        // email_reply_parser: bodies only, wrapped in a minimal text/plain message (line endings kept)
        tests.add(body("email_1_3.txt", reply -> assertThat(reply)
                .isEqualTo("Oh thanks. Having the function would be great.")));
        tests.add(body("email_1_2.txt", reply -> assertThat(reply)
                .startsWith("Hi, You can list the keys for the bucket")
                .contains("riakClient.delete(bucket, key);", "would do it.")
                .endsWith("you’ll need to delete them all individually.\"")
                .doesNotContain("Hi folks", "wrote:", "-Abhishek Kona", "riak-users mailing list")));
        tests.add(body("email_1_8.txt", reply -> assertThat(reply)
                .isEqualTo("I will reply under this one and under this.")));
        tests.add(body("email_1_7.txt", reply -> assertThat(reply).isEqualTo(":+1:")));
        tests.add(body("email_2_1.txt", reply -> assertThat(reply).isEqualTo("Outlook with a reply")));
        tests.add(body("email_iPhone.txt", reply -> assertThat(reply).isEqualTo("Here is another email")));
        tests.add(body("email_BlackBerry.txt", reply -> assertThat(reply).isEqualTo("Here is another email")));
        tests.add(body("email_sent_from_my_not_signature.txt", reply -> assertThat(reply)
                .isEqualTo("Here is another email Sent from my desk, is much easier then my mobile phone.")));

        // sisimai: automatic replies
        for (int i = 1; i <= 6; i++) {
            boolean appleVacation = i == 3;
            tests.add(reading("sisimai/auto_replies/rfc3834-0" + i + ".eml", m -> {
                assertThat(m.classification()).isEqualTo(Classification.AUTO_REPLY);
                assertThat(m.bounce()).isNull();
                if (appleVacation) { // carries In-Reply-To to the original: still automatic, and it names the original
                    assertThat(m.inReplyTo()).isEqualTo("<25203A4E-F90F-4A14-BF51-3E7B9D39BE8E@libsisimai.org>");
                    assertThat(m.originalMessageIds()).contains(m.inReplyTo());
                }
            }));
        }

        // sisimai: bounces, as in the README's table
        tests.add(bounce("lhost-sendmail-01", "5.1.1", true, "userunknown@bouncehammer.jp"));
        tests.add(bounce("lhost-postfix-02", "5.2.1, 5.1.1", true, "filtered@example.co.jp", "userunknown@example.co.jp"));
        tests.add(bounce("lhost-postfix-05", "4.1.1", true, "kijitora@example.org"));
        tests.add(bounce("lhost-postfix-08", "4.4.1", false, "kijitora@example.com"));
        tests.add(bounce("lhost-exim-02", "5.1.1, 5.2.1", true, "kijitora@example.jp", "sabatora@example.jp"));
        tests.add(bounce("lhost-exim-07", null, false, "shiba@example.com"));
        tests.add(bounce("lhost-gmail-01", "5.1.1", true, "userunknown@example.jp"));
        tests.add(bounce("lhost-gmail-06", "4.2.2", false, "kijitora@example.jp"));
        tests.add(bounce("lhost-office365-01", "5.1.10", true, "kijitora@example.com"));
        tests.add(bounce("lhost-exchange2007-01", "5.1.1", true, "mikeneko@example.co.jp"));
        tests.add(bounce("lhost-qmail-01", "5.", true, "kijitora@example.ne.jp"));
        tests.add(bounce("lhost-yahoo-02", "5.2.2", false, "kijitora@example.ed.jp"));
        tests.add(bounce("rfc3464-06", "5.5.0", true, "kijitora@example.net"));
        tests.add(bounce("rfc3464-10", "5.1.6", true, "kijitora@example.jp"));
        tests.add(notABounce("sisimai/bounces/lhost-amazonses-12.eml"));
        tests.add(notABounce("sisimai/not_bounce/is-not-bounce-01.eml"));
        tests.add(notABounce("sisimai/not_bounce/is-not-bounce-02.eml"));
        return tests.stream();
    }

    @AfterAll
    static void summary() {
        if (!READINGS.isEmpty()) {
            System.out.println("[mail-corpus] corpus readings reached: " + REACHED.get() + " of " + READINGS.size());
        }
    }

    private DynamicTest reading(String file, Consumer<ParsedMessage> expectation) {
        return DynamicTest.dynamicTest(file, () -> check(file, parser.parse(bytes(file)), expectation));
    }

    private DynamicTest body(String file, Consumer<String> visibleText) {
        String path = "email_reply_parser/" + file;
        return DynamicTest.dynamicTest(path, () -> check(path,
                parser.parse(wrap("text/plain; charset=UTF-8", bytes(path))), m -> {
                    assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
                    visibleText.accept(norm(m.replyText()));
                }));
    }

    private DynamicTest bounce(String name, String status, boolean permanent, String... addresses) {
        return reading("sisimai/bounces/" + name + ".eml", m -> {
            assertThat(m.classification()).isEqualTo(Classification.BOUNCE);
            assertThat(m.bounce().addresses()).containsExactly(addresses);
            assertThat(m.bounce().permanent()).as("permanent (hard bounce)").isEqualTo(permanent);
            if (status != null && status.endsWith(".")) {
                assertThat(m.bounce().status()).startsWith(status);
            } else if (status != null) {
                assertThat(m.bounce().status()).isEqualTo(status);
            }
            assertThat(m.bounce().reason()).isNotBlank();
        });
    }

    private DynamicTest notABounce(String file) {
        return reading(file, m -> {
            assertThat(m.classification()).isNotEqualTo(Classification.BOUNCE);
            assertThat(m.bounce()).isNull();
        });
    }

    private static void check(String file, ParsedMessage message, Consumer<ParsedMessage> expectation) {
        READINGS.add(file);
        try {
            expectation.accept(message);
        } catch (AssertionError e) {
            throw new AssertionError(file + ": " + e.getMessage() + "\nreply text was:\n" + message.replyText()
                    + "\nbounce: " + message.bounce(), e);
        }
        REACHED.incrementAndGet();
    }

    private static byte[] bytes(String file) {
        Path path = CORPUS.resolve(file);
        assertThat(path).as("listed in the corpus README").exists();
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** A minimal message around an upstream body: the bytes stay exactly as stored. */
    private static byte[] wrap(String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("From: corpus@example.org\r\nTo: secretaria@crm.example.org\r\nSubject: Re: corpus\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String norm(String text) {
        return MessageParserFixturesTest.normalise(text);
    }
}
