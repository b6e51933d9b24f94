package org.rcm.requests.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The meetings pages, the report (page and CSV) and the import entry points, through the running application. */
class MeetingPagesIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    MeetingImporter importer;

    @Autowired
    JdbcClient jdbc;

    /** A meeting whose 1a has a hostile text and subject, a request to PAHO and ICRC, and 2b no request. */
    private ImportReport meeting(String id) {
        String yaml = MeetingImportIntegrationTest.meetingFile(id, "")
                .replace("text: Solicitar a la OIM y a la OPS la información indicada.",
                        "text: '<script>alert(1)</script> Solicitar, con \"urgencia\", la información'")
                .replace("subject: Solicitud de información a la OIM " + id, "subject: '=HYPERLINK(\"http://x\") " + id
                        + "'");
        return importer.importFile(yaml.getBytes(StandardCharsets.UTF_8), "officer1");
    }

    @Test
    void theListShowsImportedMeetingsWithTheirProgress() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        meeting(id);

        HttpResponse<String> page = get("/meetings", "officer1");

        assertThat(page.statusCode()).as("status of /meetings").isEqualTo(200);
        assertThat(page.body()).as("list page").contains("href=\"/meetings/" + id + "\"")
                .contains("Reunión de prueba " + id).contains("role=\"progressbar\"")
                .contains("0 de 3 destinatarios respondieron").contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void anUnknownMeetingIsNotFound() throws Exception {
        HttpResponse<String> page = get("/meetings/no-such-meeting", "officer1");
        assertThat(page.statusCode()).as("page of an unknown meeting").isEqualTo(404);
        assertThat(page.body()).as("not-found page").contains("Reunión no encontrada").contains("no-such-meeting");
        assertThat(get("/meetings/no-such-meeting/report.csv", "officer1").statusCode()).as("CSV of an unknown "
                + "meeting").isEqualTo(404);
        assertThat(get("/meetings/no-such-meeting/report", "officer1").statusCode()).as("report of an unknown "
                + "meeting").isEqualTo(404);
    }

    @Test
    void theMeetingPageShowsEachAgreementWithItsRequestsAndWhatIsOverdue() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        ImportReport report = meeting(id);
        String reference = report.requests().get(1).reference();
        awaitingSince(reference, "PAHO", LocalDate.now().minusDays(3));
        jdbc.sql("update request_recipient set state = 'ANSWERED' where reference = ? and party_code = 'ICRC'")
                .param(reference).update();

        HttpResponse<String> page = get("/meetings/" + id, "officer1");

        assertThat(page.statusCode()).as("status of the meeting page").isEqualTo(200);
        assertThat(page.body()).as("meeting page")
                .contains("Acuerdo 1a").contains("Acuerdo 2b")
                .contains("href=\"/registry/" + reference + "\"")
                .contains("Este acuerdo no generó solicitudes.")
                .contains("badge state-ANSWERED").contains("3 días de retraso")
                .contains("aria-valuenow=\"1\"").contains("aria-valuemax=\"3\"")
                .contains("1 de 3 destinatarios respondieron")
                .contains("href=\"/meetings/" + id + "/report.csv\"").contains("href=\"/meetings/" + id + "/report\"");
        assertThat(page.body()).as("agreement text is escaped")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theCsvReportHasAHeaderQuotedCellsAndNoFormulas() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        ImportReport report = meeting(id);
        awaitingSince(report.requests().get(1).reference(), "PAHO", LocalDate.now().minusDays(2));

        HttpResponse<String> csv = get("/meetings/" + id + "/report.csv", "officer1");

        assertThat(csv.statusCode()).as("CSV status").isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).as("CSV content type").hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).as("download header").hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains(id + "-report-"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).as("header row, after the BOM").isEqualTo("\uFEFFAcuerdo,Texto del acuerdo,Responsable,"
                + "Fecha del acuerdo,Referencia,Asunto,Destinatario,Nombre del destinatario,Estado,"
                + "Fecha límite de respuesta,Enviada,Respondida,Días de retraso");
        assertThat(lines).as("one row per recipient, plus 2b and the header").hasSize(1 + 3 + 1);
        assertThat(csv.body()).as("a text with comma and quotes is quoted")
                .contains(",\"<script>alert(1)</script> Solicitar, con \"\"urgencia\"\", la información\",");
        assertThat(csv.body()).as("a subject starting with = is not a formula")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\") " + id + "\",");
        assertThat(csv.body()).as("the overdue recipient's row").contains(",PAHO,Organización Panamericana de la Salud "
                + "(OPS),AWAITING_REPLY,");
        assertThat(lines).as("row of 2b, without requests").contains("2b,Presentar de manera conjunta la situación "
                + "en otros foros.,Países miembros,,,,,,,,,,");
    }

    @Test
    void thePrintableReportIsForTheNextPlenary() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        meeting(id);

        HttpResponse<String> spanish = get("/meetings/" + id + "/report", "officer1");
        HttpResponse<String> english = get("/meetings/" + id + "/report?lang=en", "officer1");

        assertThat(spanish.statusCode()).as("report status").isEqualTo(200);
        assertThat(spanish.body()).as("Spanish report").contains("Informe para la próxima reunión plenaria")
                .contains("class=\"print-only report-header\"").contains(LocalDate.now().toString())
                .contains("id=\"print-report\"").contains("src=\"/js/print.js\"").contains("Acuerdo 1a")
                .doesNotContain("<script>alert(1)");
        assertThat(english.body()).as("English report").contains("Report to the next plenary")
                .contains("Agreement 1a");
        assertThat(get("/js/print.js", "officer1").body()).as("print script").contains("window.print()");
    }

    @Test
    void theApiImportsAFileAndAnswersErrorsWithTheirLines() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        String yaml = MeetingImportIntegrationTest.meetingFile(id, "");

        HttpResponse<String> created = post("/api/meetings", "application/yaml", yaml, "officer1");
        HttpResponse<String> invalid = post("/api/meetings", "text/yaml",
                yaml.replace("from: 2016-07-13", "from: 2016-13-01"), "officer1");

        assertThat(created.statusCode()).as("import status: " + created.body()).isEqualTo(201);
        assertThat(created.body()).as("import report").contains("\"meetingId\":\"" + id + "\"")
                .contains("\"agreementsAdded\":[\"1a\",\"2b\"]").contains("\"reference\":\"CRM-");
        assertThat(invalid.statusCode()).as("status of a bad file").isEqualTo(400);
        assertThat(invalid.body()).as("problem details").contains("\"errors\":[")
                .contains("line 5: invalid date 2016-13-01");
        assertThat(post("/api/meetings", "application/yaml", yaml, "delegate-hn").statusCode())
                .as("a delegate may not import").isEqualTo(403);
    }

    @Test
    void theUploadFormNeedsTheSessionTokenAndThenShowsTheReport() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginToken = token(send(browser, HttpRequest.newBuilder(uri("/login")).GET()).body());
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer1&password=demo&next=%2Fmeetings&_csrf="
                        + URLEncoder.encode(loginToken, StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as("login redirects").isEqualTo(302);
        String token = token(send(browser, HttpRequest.newBuilder(uri("/meetings")).header("Accept", "text/html")
                .GET()).body());
        String id = MeetingImportIntegrationTest.uniqueId();
        String yaml = MeetingImportIntegrationTest.meetingFile(id, "");

        HttpResponse<String> withoutToken = send(browser, upload(yaml, null));
        HttpResponse<String> withToken = send(browser, upload(yaml, token));

        assertThat(withoutToken.statusCode()).as("upload without the form token").isEqualTo(403);
        assertThat(withToken.statusCode()).as("upload with the form token").isEqualTo(200);
        assertThat(withToken.body()).as("report on the page").contains("Reunión " + id + " importada.")
                .contains("Borradores creados:").contains("href=\"/registry/CRM-").contains("vencida");
        HttpResponse<String> broken = send(browser, upload(yaml.replace("kind: support", "kind: favour")
                .replace(id, id + "-b"), token));
        assertThat(broken.statusCode()).as("upload of a bad file").isEqualTo(400);
        assertThat(broken.body()).as("errors on the page").contains("no se importó nada")
                .contains("line 20: unknown kind &#39;favour&#39;");
    }

    private HttpRequest.Builder upload(String yaml, String token) {
        String boundary = "----meeting" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(token).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"meeting.yaml\"\r\nContent-Type: application/yaml\r\n\r\n").append(yaml)
                .append("\r\n--").append(boundary).append("--\r\n");
        return HttpRequest.newBuilder(uri("/meetings")).header("Accept", "text/html").header("Accept-Language", "es")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    private void awaitingSince(String reference, String code, LocalDate due) {
        jdbc.sql("update request_recipient set state = 'AWAITING_REPLY', reply_due = ? where reference = ? "
                + "and party_code = ?").params(Date.valueOf(due), reference, code).update();
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("form token on the page").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(HTTP, HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Accept", "text/html").header("Accept-Language", "es").GET());
    }

    private HttpResponse<String> post(String path, String type, String body, String user)
            throws IOException, InterruptedException {
        return send(HTTP, HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
