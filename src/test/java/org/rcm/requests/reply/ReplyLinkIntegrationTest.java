package org.rcm.requests.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.mail.inbound.ReplyIntake;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestState;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reply link in the whole application (Tomcat, every filter, the database, the engine): a forged link's upload is
 * answered before a byte of it is sent; a link's posts are counted in the database, whichever node took them; a
 * closed recipient's link takes answers through the grace, then says where to write instead.
 */
class ReplyLinkIntegrationTest extends IntegrationTestBase {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;
    @Autowired
    ReplyTokens tokens;
    @Autowired
    ReplyIntake intake;
    @Autowired
    RequestRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailProperties mail;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void aForgedLinkIsAnsweredBeforeItsUploadIsSentWhileAValidLinksUploadIsRead() throws Exception {
        String reference = journey.sent("Enlace falsificado", "IOM");
        String valid = tokens.create(reference, "IOM");
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        MultipartForm upload = new MultipartForm().field("_csrf", "not-this-session's").field("text", "Adjunto")
                .file("datos.zip", "application/zip", new byte[9 * MB]);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            sendHead(socket, forged, upload);
            // not a byte of the 9 MB body is sent: a server that read it would still be waiting
            RawResponse answer;
            try {
                answer = read(socket.getInputStream());
            } catch (SocketTimeoutException waiting) {
                throw new AssertionError("No answer to a forged link within 15 s: the server waits for its upload");
            }

            assertThat(answer.status()).as("forged link, upload announced and not sent").isEqualTo(404);
            assertThat(answer.body()).contains("This link is not valid or has expired");
            assertThat(answer.headers()).containsEntry("cache-control", "no-store");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            sendHead(socket, valid, upload);
            socket.setSoTimeout(2_000);
            assertThatThrownBy(() -> read(socket.getInputStream())).as("a valid link's upload is waited for")
                    .isInstanceOf(SocketTimeoutException.class);

            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(upload.bytes());
            RawResponse answer = read(socket.getInputStream());

            assertThat(answer.status()).as("read, parsed, then refused: no form token of this session").isEqualTo(403);
            assertThat(answer.body()).as("the parsed text offered again").contains(">Adjunto</textarea>");
        }
        assertThat(linkPosts(reference, "IOM")).as("stored through the link").isZero();
    }

    @Test
    void postsAreCountedInTheDatabaseWhicheverNodeTookThem() throws Exception {
        String reference = journey.sent("Límite de envíos por enlace", "IOM");
        awaitReply(reference);
        RecipientPage form = RecipientPage.open(port, "/reply/" + tokens.create(reference, "IOM"));
        for (int i = 1; i <= 4; i++) {
            assertThat(form.post("Parte " + i).statusCode()).as("post %d through this node", i).isEqualTo(302);
        }
        // another node's page hands its posts to the intake, which stores them in the same database: this node's
        // page never sees them
        for (int i = 5; i <= 10; i++) {
            intake.receiveLinkReply(reference, "IOM", "Parte " + i + " (otro nodo)", List.of());
        }

        HttpResponse<String> eleventh = form.post("Parte 11");

        assertThat(eleventh.statusCode()).as("the eleventh post within the hour").isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).as("seconds until the first post is an hour old")
                        .isBetween(Duration.ofMinutes(50).toSeconds(), Duration.ofHours(1).toSeconds()));
        assertThat(eleventh.body()).contains("You have sent many replies in a short time")
                .contains("at most 10 submissions per hour").contains(mail.secretariatAddress()).contains(reference);
        assertThat(linkPosts(reference, "IOM")).as("posts stored").isEqualTo(10);
    }

    @Test
    void anAnsweredRecipientsLinkTakesAnswersThroughTheGraceThenShowsWhereToWrite() throws Exception {
        String reference = journey.sent("Enlace de un destinatario que respondió", "PAHO");
        awaitReply(reference);
        RecipientPage form = RecipientPage.open(port, "/reply/" + tokens.create(reference, "PAHO"));
        assertThat(form.post("Nuestra respuesta").statusCode()).as("the answer").isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count() == 1);
        journey.complete(journey.onlyTask(reference, Elements.REVIEW_REPLY, "officer1"), "officer1",
                Map.of(Variables.OUTCOME, "accept"));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.find(reference).orElseThrow().state()
                == RequestState.CLOSED);

        HttpResponse<String> closed = form.get();
        assertThat(closed.body()).as("the page within the grace").contains("Esta solicitud está cerrada")
                .contains("Este enlace recibe mensajes hasta el");
        assertThat(form.post("Información adicional").statusCode()).as("a post within the grace").isEqualTo(302);
        assertThat(linkPosts(reference, "PAHO")).as("stored within the grace").isEqualTo(2);

        // the recipient's answer was accepted, and the request closed, eight days ago
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        jdbc.sql("update request_recipient set answered_at = ? where reference = ?").params(eightDaysAgo, reference)
                .update();
        jdbc.sql("update request set closed_at = ? where reference = ?").params(eightDaysAgo, reference).update();
        HttpResponse<String> shown = form.get();
        HttpResponse<String> posted = form.post("Más información");

        assertThat(shown.statusCode()).as("the page after the grace").isEqualTo(410);
        assertThat(shown.body()).contains("Este enlace ya no recibe respuestas").contains(reference)
                .contains("escriba a la Secretaría Técnica a " + mail.secretariatAddress())
                .doesNotContain("<form");
        assertThat(posted.statusCode()).as("a post after the grace").isEqualTo(410);
        assertThat(posted.body()).contains("Este enlace ya no recibe respuestas");
        assertThat(linkPosts(reference, "PAHO")).as("nothing stored after the grace").isEqualTo(2);
    }

    private void awaitReply(String reference) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(reference).activityId(Elements.AWAIT_REPLY).count() == 1);
    }

    private long linkPosts(String reference, String recipient) {
        return jdbc.sql("select count(*) from correspondence where reference = ? and party_code = ? and source = 'LINK'")
                .params(reference, recipient).query(Long.class).single();
    }

    /** The request line and headers of a post of {@code form}, and nothing of its body. */
    private void sendHead(Socket socket, String token, MultipartForm form) throws IOException {
        String head = "POST /reply/" + token + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: "
                + form.contentType() + "\r\nContent-Length: " + form.bytes().length + "\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 response: status line, headers, and a body of a Content-Length or in chunks. */
    private static RawResponse read(InputStream in) throws IOException {
        String[] lines = readUntil(in, "\r\n\r\n").split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            int size;
            while ((size = Integer.parseInt(readUntil(in, "\r\n").strip(), 16)) > 0) {
                body.writeBytes(in.readNBytes(size));
                readUntil(in, "\r\n");
            }
        } else {
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers,
                body.toString(StandardCharsets.UTF_8));
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < end.length() || !text.substring(text.length() - end.length()).equals(end)) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("Connection closed after: " + text);
            }
            text.append((char) next);
        }
        return text.substring(0, text.length() - end.length());
    }
}
