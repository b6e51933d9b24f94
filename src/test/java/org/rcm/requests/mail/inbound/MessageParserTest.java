package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Focused checks of {@link MessageParser}: headers, charsets, attachments, reply extraction, never throwing. */
class MessageParserTest {

    private final MessageParser parser = new MessageParser();

    private static final String HEADERS = """
            From: =?UTF-8?Q?Mar=C3=ADa_Fern=C3=A1ndez?= <Maria.Fernandez@IOM.example.org>
            To: "Secretaría" <Secretaria@CRM.example.org>, otro@crm.example.org
            Subject: Re: [CRM-2026-0007] =?UTF-8?Q?Matriz_de_legislaci=C3=B3n?=
            Date: Mon, 02 Mar 2026 16:40:12 -0600
            Message-ID: <CAFx8kq1@mail.gmail.com>
            In-Reply-To: <crm-2026-0007.iom.request.1@crm.example.org>
            References: <crm-2026-0007.iom.request.0@crm.example.org>
             <crm-2026-0007.iom.request.1@crm.example.org>
            MIME-Version: 1.0
            """;

    private ParsedMessage parse(String message) {
        return parser.parse(message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String head, String body, Charset bodyCharset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.getBytes(bodyCharset));
        return out.toByteArray();
    }

    // ---- headers ----

    @Test
    void keepsAngleBracketsOnIdsAndReadsEveryReference() {
        ParsedMessage m = parse(HEADERS + "Content-Type: text/plain; charset=UTF-8\n\nHola\n");
        assertThat(m.messageId()).isEqualTo("<CAFx8kq1@mail.gmail.com>");
        assertThat(m.inReplyTo()).isEqualTo("<crm-2026-0007.iom.request.1@crm.example.org>");
        assertThat(m.references()).containsExactly("<crm-2026-0007.iom.request.0@crm.example.org>",
                "<crm-2026-0007.iom.request.1@crm.example.org>");
    }

    @Test
    void lowerCasesBareAddressesAndDecodesTheName() {
        ParsedMessage m = parse(HEADERS + "\nHola\n");
        assertThat(m.from()).isEqualTo("maria.fernandez@iom.example.org");
        assertThat(m.fromName()).isEqualTo("María Fernández");
        assertThat(m.to()).containsExactly("secretaria@crm.example.org", "otro@crm.example.org");
    }

    @Test
    void decodesTheSubjectAndTheDate() {
        ParsedMessage m = parse(HEADERS + "\nHola\n");
        assertThat(m.subject()).isEqualTo("Re: [CRM-2026-0007] Matriz de legislación");
        assertThat(m.date()).isEqualTo(Instant.parse("2026-03-02T22:40:12Z"));
    }

    @Test
    void joinsEncodedWordsSplitInsideACharacterAndDropsTheSpaceBetweenThem() {
        byte[] bytes = "Niñez migrante".getBytes(StandardCharsets.UTF_8);
        int cut = 3; // "Ni" + the first byte of "ñ"
        String subject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, cut))
                + "?=\n =?UTF-8?B?" + Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOfRange(bytes, cut, bytes.length)) + "?=";
        ParsedMessage m = parse("From: a@example.org\nSubject: " + subject + "\n\nx\n");
        assertThat(m.subject()).isEqualTo("Niñez migrante");
    }

    @Test
    void decodesIsoAndWindowsEncodedWordsAndSurvivesUnknownCharsets() {
        ParsedMessage m = parse("From: =?iso-8859-1?Q?Jos=E9_N=FA=F1ez?= <j@example.org>\n"
                + "Subject: =?windows-1252?Q?=93Matriz=94_de_legislaci=F3n?= =?x-nonsense?Q?ok?=\n\nx\n");
        assertThat(m.fromName()).isEqualTo("José Núñez");
        assertThat(m.subject()).isEqualTo("“Matriz” de legislaciónok");
    }

    @Test
    void repairsRawEightBitHeadersInUtf8AndLatin1() {
        byte[] utf8 = concat("", "From: Dirección <d@example.org>\nSubject: Estadísticas\n\nx\n", StandardCharsets.UTF_8);
        byte[] latin1 = concat("", "From: Dirección <d@example.org>\nSubject: Estadísticas\n\nx\n",
                StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(utf8).subject()).isEqualTo("Estadísticas");
        assertThat(parser.parse(utf8).fromName()).isEqualTo("Dirección");
        assertThat(parser.parse(latin1).subject()).isEqualTo("Estadísticas");
    }

    @Test
    void readsAnAddressFromAFromHeaderWithoutBrackets() {
        ParsedMessage m = parse("From: Juan Pérez juan.perez@Example.org\nSubject: x\n\nx\n");
        assertThat(m.from()).isEqualTo("juan.perez@example.org");
    }

    @Test
    void leavesAbsentHeadersNullAndListsEmpty() {
        ParsedMessage m = parse("Subject: sin nada más\n\nTexto\n");
        assertThat(m.messageId()).isNull();
        assertThat(m.inReplyTo()).isNull();
        assertThat(m.from()).isNull();
        assertThat(m.date()).isNull();
        assertThat(m.references()).isEmpty();
        assertThat(m.to()).isEmpty();
        assertThat(m.bodyText()).isEqualTo("Texto");
    }

    @Test
    void aMessageWithoutMessageIdIsStillRead() {
        ParsedMessage m = parse("""
                From: Punto Focal <punto.focal@migracion-cr.example.org>
                Subject: Re: [CRM-2026-0007] Matriz
                In-Reply-To: <crm-2026-0007.cr.request.1@crm.example.org>
                Content-Type: text/plain; charset=UTF-8

                Enviamos la matriz mañana.

                El lun, 2 mar 2026 a las 10:15, Secretaría <secretaria@crm.example.org> escribió:
                > Solicitamos la matriz.
                """);
        assertThat(m.messageId()).isNull();
        assertThat(m.inReplyTo()).isEqualTo("<crm-2026-0007.cr.request.1@crm.example.org>");
        assertThat(m.replyText()).isEqualTo("Enviamos la matriz mañana.");
        assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
    }

    // ---- charsets ----

    private static final String TEXT = "Información migratoria: niñez, “matriz” – 12 €";

    private ParsedMessage body(String contentType, String encoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("From: a@example.org\nSubject: x\nMIME-Version: 1.0\nContent-Type: " + contentType
                + "\nContent-Transfer-Encoding: " + encoding + "\n\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return parser.parse(out.toByteArray());
    }

    @Test
    void readsWindows1252EightBit() {
        ParsedMessage m = body("text/plain; charset=windows-1252", "8bit", TEXT.getBytes(Charset.forName("windows-1252")));
        assertThat(m.bodyText()).isEqualTo(TEXT);
    }

    @Test
    void readsIso88591LabelWithWindows1252Bytes() {
        ParsedMessage m = body("text/plain; charset=ISO-8859-1", "8bit", TEXT.getBytes(Charset.forName("windows-1252")));
        assertThat(m.bodyText()).isEqualTo(TEXT);
    }

    @Test
    void readsUtf8LabelledAsLatin1() {
        ParsedMessage m = body("text/plain; charset=iso-8859-1", "8bit", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(m.bodyText()).isEqualTo(TEXT);
    }

    @Test
    void readsQuotedPrintableLatin1() {
        ParsedMessage m = body("text/plain; charset=iso-8859-1", "quoted-printable",
                "Informaci=F3n migratoria: ni=F1ez, la matriz est=E1 lista=\n para revisi=F3n\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.bodyText()).isEqualTo("Información migratoria: niñez, la matriz está lista para revisión");
    }

    @Test
    void readsBase64Utf8() {
        String encoded = Base64.getMimeEncoder().encodeToString(TEXT.getBytes(StandardCharsets.UTF_8));
        ParsedMessage m = body("text/plain; charset=utf-8", "base64", encoded.getBytes(StandardCharsets.US_ASCII));
        assertThat(m.bodyText()).isEqualTo(TEXT);
    }

    @Test
    void recoversDamagedBase64() {
        String encoded = Base64.getEncoder().encodeToString("Matriz de legislación enviada".getBytes(StandardCharsets.UTF_8));
        String damaged = encoded.substring(0, 8) + "!!\n" + encoded.substring(8, encoded.length() - 2); // junk, no padding
        ParsedMessage m = body("text/plain; charset=utf-8", "base64", damaged.getBytes(StandardCharsets.US_ASCII));
        assertThat(m.bodyText()).startsWith("Matriz de legislaci");
    }

    @Test
    void fallsBackOnUnknownOrMalformedCharsetNames() {
        assertThat(body("text/plain; charset=x-no-such-charset", "8bit", TEXT.getBytes(Charset.forName("windows-1252"))).bodyText())
                .isEqualTo(TEXT);
        assertThat(body("text/plain; charset=\"utf-8\\\"\"", "8bit", TEXT.getBytes(StandardCharsets.UTF_8)).bodyText())
                .isEqualTo(TEXT);
        assertThat(body("text/plain; charset=us-ascii", "8bit", TEXT.getBytes(StandardCharsets.UTF_8)).bodyText())
                .isEqualTo(TEXT);
    }

    @Test
    void keepsBytesOfAnUnknownTransferEncoding() {
        ParsedMessage m = body("text/plain; charset=utf-8", "8bits", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(m.bodyText()).isEqualTo(TEXT);
    }

    // ---- attachments ----

    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void keepsNamedPartsWithTheirBytesAndLeavesBodiesOut() {
        String message = """
                From: a@example.org
                Subject: Re: [CRM-2026-0007] Matriz
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/related; boundary="b2"

                --b2
                Content-Type: text/html; charset=utf-8

                <p>Adjunto la matriz.</p><img src="cid:logo">
                --b2
                Content-Type: image/png; name="logo.png"
                Content-ID: <logo>
                Content-Disposition: inline; filename="logo.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b2--
                --b1
                Content-Type: application/pdf; name="=?UTF-8?Q?Matriz_legislaci=C3=B3n.pdf?="
                Content-Disposition: attachment; filename="=?UTF-8?Q?Matriz_legislaci=C3=B3n.pdf?="
                Content-Transfer-Encoding: base64

                """ + Base64.getMimeEncoder().encodeToString(PDF) + """

                --b1
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: attachment

                pais,retornos
                --b1--
                """;
        ParsedMessage m = parse(message);
        assertThat(m.bodyText()).isEqualTo("Adjunto la matriz.");
        assertThat(m.attachments()).extracting(ReceivedAttachment::filename)
                .containsExactly("logo.png", "Matriz legislación.pdf", "attachment.txt");
        assertThat(m.attachments().get(1).contentType()).isEqualTo("application/pdf");
        assertThat(m.attachments().get(1).content()).isEqualTo(PDF);
        assertThat(new String(m.attachments().get(2).content(), StandardCharsets.UTF_8)).contains("pais,retornos");
    }

    @Test
    void theMachinePartsOfADeliveryReportAreNoAttachments() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --r
                Content-Type: message/rfc822

                Message-ID: <crm-2026-0007.x.request.1@crm.example.org>
                Subject: [CRM-2026-0007] Matriz

                Texto
                --r--
                """);
        assertThat(m.classification()).isEqualTo(Classification.BOUNCE);
        assertThat(m.attachments()).isEmpty();
        assertThat(m.originalMessageIds()).containsExactly("<crm-2026-0007.x.request.1@crm.example.org>");
    }

    // ---- classification order ----

    private static final String AUTO_BOUNCE = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
            Subject: Mail delivery failed: returning message to sender
            Auto-Submitted: auto-replied
            X-Failed-Recipients: gone@example.org

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              gone@example.org
                550 5.1.1 User unknown
            """;

    @Test
    void aBounceIsABounceEvenWithAutoReplyHeaders() {
        ParsedMessage m = parse(AUTO_BOUNCE);
        assertThat(m.classification()).isEqualTo(Classification.BOUNCE);
        assertThat(m.bounce()).isEqualTo(new BounceReport(java.util.List.of("gone@example.org"), "5.1.1", true,
                "550 5.1.1 User unknown"));
    }

    @Test
    void anAutoReplyCarryingInReplyToIsStillAnAutoReply() {
        ParsedMessage m = parse("""
                From: ana@example.org
                Subject: Re: [CRM-2026-0007] Matriz
                In-Reply-To: <crm-2026-0007.hn.request.1@crm.example.org>
                X-Apple-Action: VACATION

                De vacaciones.
                """);
        assertThat(m.classification()).isEqualTo(Classification.AUTO_REPLY);
        assertThat(m.bounce()).isNull();
        assertThat(m.originalMessageIds()).containsExactly("<crm-2026-0007.hn.request.1@crm.example.org>");
    }

    @Test
    void outlookSuppressHeaderAloneIsNoAutoReply() {
        ParsedMessage m = parse("""
                Return-Path: <jorge@example.org>
                From: jorge@example.org
                Subject: RE: [CRM-2026-0007] Matriz
                X-Auto-Response-Suppress: All

                Respuesta de verdad.
                """);
        assertThat(m.classification()).isEqualTo(Classification.HUMAN_REPLY);
        assertThat(m.originalMessageIds()).isEmpty();
    }

    @Test
    void autoSubmittedNoIsAPerson() {
        assertThat(parse("From: a@example.org\nAuto-Submitted: no\nSubject: Re: x\n\nHola\n").classification())
                .isEqualTo(Classification.HUMAN_REPLY);
    }

    @Test
    void aPersonAnsweringAnOutOfOfficeNoticeIsAPerson() {
        assertThat(parse("From: a@example.org\nSubject: Re: Out of Office: [CRM-2026-0007]\n\nOk\n").classification())
                .isEqualTo(Classification.HUMAN_REPLY);
        assertThat(parse("From: a@example.org\nSubject: Respuesta automática: [CRM-2026-0007]\n\nx\n".replace("á", "a"))
                .classification()).isEqualTo(Classification.AUTO_REPLY);
    }

    @Test
    void aDaemonSenderWithoutFailureTextIsNoBounce() {
        ParsedMessage m = parse("From: MAILER-DAEMON@example.org\nSubject: Hello\n\nJust saying hello.\n");
        assertThat(m.classification()).isNotEqualTo(Classification.BOUNCE);
        assertThat(m.bounce()).isNull();
    }

    @Test
    void aDeliveredReportIsAnAutoReplyNotABounce() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@example.org
                Subject: Delivery Status Notification (Success)
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; ok@example.org
                Action: delivered
                Status: 2.0.0
                --r--
                """);
        assertThat(m.classification()).isEqualTo(Classification.AUTO_REPLY);
        assertThat(m.bounce()).isNull();
    }

    @Test
    void mixedHardAndSoftFailuresAreNotPermanent() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@example.org
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822; full@example.org
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp; 552 5.2.2 Mailbox full
                --r--
                """);
        assertThat(m.bounce().addresses()).containsExactly("gone@example.org", "full@example.org");
        assertThat(m.bounce().status()).isEqualTo("5.1.1, 5.2.2");
        assertThat(m.bounce().permanent()).isFalse();
    }

    // ---- reply text ----

    private String reply(String body) {
        return parse("From: a@example.org\nSubject: Re: x\nContent-Type: text/plain; charset=UTF-8\n\n" + body).replyText();
    }

    @Test
    void keepsASentenceThatHappensToStartLikeAnAttribution() {
        assertThat(reply("El informe está adjunto.\nEl 2 mar 2026, a las 10:15, Secretaría <s@crm.example.org> escribió:\n> Hola\n"))
                .isEqualTo("El informe está adjunto.");
    }

    @Test
    void dropsDeviceSignaturesInBothLanguagesButNotSentences() {
        assertThat(reply("Recibido.\n\nEnviado desde mi iPhone\n")).isEqualTo("Recibido.");
        assertThat(reply("Recibido.\n\nEnviado desde mi teléfono Huawei\n")).isEqualTo("Recibido.");
        assertThat(reply("Received.\n\nSent from my Android device\n")).isEqualTo("Received.");
        assertThat(reply("Received.\n\nSent from Outlook for Android\n")).isEqualTo("Received.");
        assertThat(reply("Recibido.\n\nEnviado desde mi oficina, porque el teléfono no abre el portal.\n"))
                .isEqualTo("Recibido.\n\nEnviado desde mi oficina, porque el teléfono no abre el portal.");
    }

    @Test
    void aDashListIsNoSignature() {
        assertThat(reply("Adjuntamos:\n-Matriz\n-Estadísticas\n")).isEqualTo("Adjuntamos:\n-Matriz\n-Estadísticas");
        assertThat(reply("Gracias.\n\n-Ana Reyes\n")).isEqualTo("Gracias.");
    }

    @Test
    void recognisesOtherClientsAttributions() {
        String quote = "> Solicitamos la matriz.\n";
        assertThat(reply("Enviamos la matriz.\n\nCitando a Secretaría <s@crm.example.org>:\n\n" + quote))
                .isEqualTo("Enviamos la matriz."); // Horde
        assertThat(reply("Enviamos la matriz.\n\n2026-03-02 10:15 GMT-06:00 Secretaría <s@crm.example.org>:\n\n" + quote))
                .isEqualTo("Enviamos la matriz."); // Gmail's older Spanish attribution
        assertThat(reply("Wir senden die Matrix.\n\nAm 02.03.2026 um 10:15 schrieb Secretaría <s@crm.example.org>:\n" + quote))
                .isEqualTo("Wir senden die Matrix.");
        assertThat(reply("Enviamos la matriz.\n\nSecretaría <s@crm.example.org> escribió el 02/03/2026 10:15:00:\n\n"
                + "Estimados puntos focales:\nLa Secretaría solicita la matriz.\n"))
                .isEqualTo("Enviamos la matriz."); // Lotus Notes: the original follows unquoted
    }

    @Test
    void theSendersOwnSentenceIntroducingACitationIsKept() {
        String text = "Como recordatorio, el ministro escribió:\nLas cifras se publican en abril.\n\nEl ministro escribió:\n"
                + "Citando a la Convención:\nTodo migrante tiene derechos.";
        assertThat(reply(text + "\n")).isEqualTo(text);
    }

    @Test
    void anAttributionWithoutQuotedLinesCutsTheRest() {
        assertThat(reply("Listo.\n\nOn Mon, Mar 2, 2026 at 10:15 AM RCM <s@crm.example.org> wrote:\nDear focal points,\n"))
                .isEqualTo("Listo.");
    }

    @Test
    void bodyTextKeepsEverythingReplyTextOnlyTheAnswer() {
        ParsedMessage m = parse("From: a@example.org\nSubject: Re: x\n\nSí.\n\n> ¿Confirma?\n");
        assertThat(m.bodyText()).isEqualTo("Sí.\n\n> ¿Confirma?");
        assertThat(m.replyText()).isEqualTo("Sí.");
    }

    @Test
    void htmlBecomesSafePlainTextWithLineBreaks() {
        ParsedMessage m = parse("""
                From: a@example.org
                Subject: Re: x
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>alert('x')</script></head>
                <body onload="steal()"><p>Primera l&iacute;nea<br>Segunda &amp; &lt;tercera&gt;</p>
                <ul><li>Matriz</li><li>Datos</li></ul><iframe src="x"></iframe>
                <blockquote>Original</blockquote></body></html>
                """);
        assertThat(m.bodyText()).isEqualTo("Primera línea\nSegunda & <tercera>\n\n- Matriz\n- Datos\n> Original");
        assertThat(m.bodyText()).doesNotContain("alert", "color:red", "steal");
        assertThat(m.replyText()).isEqualTo("Primera línea\nSegunda & <tercera>\n\n- Matriz\n- Datos");
    }

    // ---- never throws ----

    static Stream<byte[]> malformed() {
        Random random = new Random(42);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        StringBuilder nested = new StringBuilder("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 0; i < 60; i++) {
            nested.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
        }
        return Stream.of(
                null,
                new byte[0],
                "\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                noise,
                "no colon header line\nanother\n\nbody".getBytes(StandardCharsets.US_ASCII),
                "From: <<<>>>@@@\nTo: ,,,\nDate: yesterday-ish\nMessage-ID: \nSubject: =?utf-8?B?###?= =?\n\nx".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: multipart/alternative\n\nno boundary parameter".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain; charset=\n\n".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n@@@@====".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: text/html\n\n<div><div><blockquote><blockquote><b>".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n--z\nContent-Type: message/delivery-status\n\nAction: failed\n--z--".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: message/rfc822\n\nnot really a message".getBytes(StandardCharsets.US_ASCII),
                nested.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void givesABestEffortReading(byte[] raw) {
        assertThatCode(() -> parser.parse(raw)).doesNotThrowAnyException();
        ParsedMessage m = parser.parse(raw);
        assertThat(m).isNotNull();
        assertThat(m.classification()).isNotNull();
        assertThat(m.bodyText()).isNotNull();
        assertThat(m.replyText()).isNotNull();
        assertThat(m.references()).isNotNull();
        assertThat(m.to()).isNotNull();
        assertThat(m.attachments()).isNotNull();
        assertThat(m.originalMessageIds()).isNotNull();
    }

    @Test
    void anEmptyMessageIsAnEmptyReading() {
        ParsedMessage m = parser.parse(new byte[0]);
        assertThat(m.bodyText()).isEmpty();
        assertThat(m.replyText()).isEmpty();
        assertThat(m.messageId()).isNull();
        assertThat(m.bounce()).isNull();
    }

    @Test
    @Timeout(5)
    void largeAndHostileTextStaysFast() {
        StringBuilder body = new StringBuilder();
        String longLine = "On " + "a@b.c ".repeat(20_000) + "wrote" + " x".repeat(5_000) + ":";
        for (int i = 0; i < 300; i++) {
            body.append(i % 3 == 0 ? "> quoted line " : "From: x\nSent: y\nTo: ").append(i).append('\n');
        }
        body.append(longLine).append('\n').append("_".repeat(50_000)).append('\n');
        ParsedMessage m = parse("From: MAILER-DAEMON@example.org\nSubject: Undeliverable\n\n" + body
                + "\n<" + "a".repeat(100_000) + "@example.org>:\n");
        assertThat(m).isNotNull();
    }
}
