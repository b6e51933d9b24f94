package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/mail/classify}: the dry run that tells an officer what would happen to a message. */
class ClassifyApiIntegrationTest extends IntegrationTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RequestJourney journey;
    @Autowired
    JdbcClient jdbc;

    @Test
    void replyToARequestIsReadAndMatchedWithoutStoringAnything() {
        String reference = journey.sent("Información sobre consulados", "ICRC");
        String original = journey.messageId(reference, "ICRC").orElseThrow();
        String raw = "From: ICRC <focal.point@icrc.example.org>\r\nTo: secretaria@crm.example.org\r\n"
                + "Message-ID: <dry-run-1@icrc.example.org>\r\nIn-Reply-To: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Consulados\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Please find the list below.\r\n\r\nOn Mon, 1 Dec 2026, Secretariat wrote:\r\n> Solicitamos\r\n";
        long stored = storedMessages();

        ResponseEntity<Map> answer = classify("officer1", raw);

        assertThat(answer.getStatusCode()).as("status").isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as("dry run").containsEntry("classification", "HUMAN_REPLY")
                .containsEntry("replyText", "Please find the list below.")
                .containsEntry("correlation", Map.of("reference", reference, "recipient", "ICRC", "rule",
                        "in-reply-to"));
        assertThat(storedMessages()).as("messages stored by a dry run").isEqualTo(stored);
    }

    @Test
    void bounceFixtureIsReadAsABounce() throws IOException {
        String raw = Files.readString(Path.of("src/test/resources/mail")
                .resolve(bounceFixture()), java.nio.charset.StandardCharsets.ISO_8859_1);

        Map<?, ?> answer = classify("admin", raw).getBody();

        assertThat(answer.get("classification")).as("classification of " + bounceFixture()).isEqualTo("BOUNCE");
        assertThat((Map<String, Object>) answer.get("bounce")).as("bounce details").containsKeys("addresses", "status",
                "permanent");
    }

    @Test
    void onlyTheSecretariatAndAdminsMayAsk() {
        assertThat(classify("delegate-mx", "Subject: x\r\n\r\ny").getStatusCode()).as("a Troika delegate asking")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map> classify(String user, String raw) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("message/rfc822"));
        return rest.withBasicAuth(user, "demo").postForEntity("/api/mail/classify",
                new HttpEntity<>(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), headers), Map.class);
    }

    private static String bounceFixture() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/mail"))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".expected.properties")).filter(name -> {
                        try {
                            return Files.readString(Path.of("src/test/resources/mail", name))
                                    .contains("classification=BOUNCE");
                        } catch (IOException e) {
                            return false;
                        }
                    }).sorted().findFirst().orElseThrow().replace(".expected.properties", ".eml");
        }
    }

    private long storedMessages() {
        return jdbc.sql("select count(*) from correspondence").query(Long.class).single();
    }
}
