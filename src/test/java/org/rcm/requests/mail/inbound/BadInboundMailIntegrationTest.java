package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Broken and hostile mail fed to the inbound pipeline: each is stored, gets a clear classification or a triage
 * entry, and nothing stored before changes.
 */
class BadInboundMailIntegrationTest extends IntegrationTestBase {

    @Autowired
    InboundMailService inbound;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Inbox inbox;

    @Test
    void emptyMessageIsStoredAndGoesToTriage() {
        Map<String, Object> before = snapshot();

        long id = inbound.receive(new byte[0]).orElseThrow();

        assertThat(settled(id)).as("what becomes of a 0-byte message").isEqualTo(Inbox.State.TRIAGE);
        assertThat(stored(id)).as("the stored 0-byte message").containsEntry("flag", null);
        assertTriageFor(id);
        assertUnchanged(before);
    }

    @Test
    void malformedMimeIsStoredWholeAndGoesToTriage() {
        String raw = "From: broken@example.com\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n--never-closed\r\n"
                + "Content-Type: text/plain; charset=no-such-charset\r\n\r\nTexto sin fin";
        Map<String, Object> before = snapshot();

        long id = inbound.receive(raw.getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();

        assertThat(settled(id)).as("what becomes of malformed MIME").isEqualTo(Inbox.State.TRIAGE);
        assertThat((byte[]) stored(id).get("raw_source")).as("raw source kept as received")
                .isEqualTo(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertTriageFor(id);
        assertUnchanged(before);
    }

    @Test
    void messageWithoutMessageIdIsTakenOnceWhenFetchedTwice() {
        String raw = "From: someone@example.com\r\nSubject: sin identificador\r\n\r\nHola.\r\n";

        Optional<Long> first = inbound.receive(raw.getBytes(StandardCharsets.US_ASCII));
        Optional<Long> second = inbound.receive(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(first).as("first time: stored").isPresent();
        assertThat(settled(first.get())).as("first time: what becomes of it").isEqualTo(Inbox.State.TRIAGE);
        assertThat(second).as("second time: recognised by its content, not stored again").isEmpty();
    }

    @Test
    void thirtyMegabyteAttachmentIsFlaggedAndKeptInTheOriginal() {
        byte[] big = new byte[30 * 1024 * 1024];
        String raw = "From: someone@example.com\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "Subject: datos\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nAdjunto los datos.\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"datos.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"datos.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(big)
                + "\r\n--b--\r\n";

        long id = inbound.receive(raw.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        settled(id);

        Map<String, Object> message = stored(id);
        assertThat((String) message.get("flag")).as("flag of an oversized message").contains("attachment over");
        assertThat(((byte[]) message.get("raw_source")).length).as("size of the kept original")
                .isGreaterThan(30 * 1024 * 1024);
        assertThat(jdbc.sql("select size_bytes, content from correspondence_attachment where correspondence_id = ?")
                .param(id).query().singleRow())
                .as("the attachment row: size known, content only in the original")
                .containsEntry("SIZE_BYTES", (long) big.length).containsEntry("CONTENT", null);
    }

    @Test
    void textLongerThanTheLogHoldsIsCutButTheOriginalIsKept() {
        String text = "x".repeat(2_000_000);
        String raw = "From: someone@example.com\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "Subject: largo\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n" + text + "\r\n";

        long id = inbound.receive(raw.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        settled(id);

        assertThat(jdbc.sql("select length(body_text) from correspondence where id = ?")
                .param(id).query(Long.class).single()).as("stored text length")
                .isEqualTo(1_000_000L);
        assertThat(((byte[]) stored(id).get("raw_source")).length).as("original length")
                .isEqualTo(raw.length());
    }

    /** Waits for the inbox's background work to settle the message; its state. */
    private Inbox.State settled(long id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> inbox.state(id).orElseThrow(),
                state -> state != Inbox.State.RECEIVED);
    }

    private void assertTriageFor(Long correspondenceId) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("MessageTriage")
                .variableValueEquals("correspondenceId", correspondenceId).count())
                .as("triage for message " + correspondenceId).isEqualTo(1);
    }

    private Map<String, Object> stored(Long id) {
        assertThat(id).as("id of the stored message").isNotNull();
        return jdbc.sql("select flag, raw_source from correspondence where id = ?").param(id).query().singleRow()
                .entrySet().stream().collect(java.util.HashMap::new,
                        (map, entry) -> map.put(entry.getKey().toLowerCase(), entry.getValue()), Map::putAll);
    }

    private Map<String, Object> snapshot() {
        return Map.of("requests", count("request"), "outbound", jdbc.sql(
                "select count(*) from correspondence where direction = 'OUT'").query(Long.class).single());
    }

    private void assertUnchanged(Map<String, Object> before) {
        assertThat(snapshot()).as("requests and sent messages after bad input").isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
