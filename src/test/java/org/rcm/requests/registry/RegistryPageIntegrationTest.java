package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry page, its CSV and its printable page, rendered by the running application for real HTTP clients. Its
 * three requests share a unique word in their subjects; every check searches for it, as other tests' requests are
 * in the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPageIntegrationTest extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;
    @Autowired
    RequestRegistry registry;
    @Autowired
    JdbcClient jdbc;

    private final String tag = "regtest" + System.nanoTime();
    private final String meeting = "meeting-" + tag;
    /** Awaiting IOM past its due date (overdue), PAHO answered; for agreement 1a of {@link #meeting}. */
    private String overdue;
    /** A subject that spreadsheets would take for a formula, with a comma and quotes. */
    private String formula;
    /** A subject with markup, to UNHCR; the newest of the three. */
    private String markup;

    @BeforeAll
    void threeRequests() {
        overdue = start("Puntos focales " + tag, "IOM", "PAHO");
        formula = start("=HYPERLINK(\"http://x\"), \"citado\" " + tag, "ICRC");
        markup = start("<script>alert('x')</script> " + tag, "UNHCR");

        registry.setState(overdue, RequestState.AWAITING_REPLY);
        registry.markSent(overdue, "IOM");
        registry.setRecipientDue(overdue, "IOM", LocalDate.now().minusDays(5));
        registry.markSent(overdue, "PAHO");
        registry.setRecipientState(overdue, "PAHO", RecipientState.ANSWERED);
        jdbc.sql("insert into meeting (id, name, place, starts_on, ends_on, language, imported_at)"
                        + " values (?, ?, 'Panamá', date '2016-07-13', date '2016-07-14', 'es', current_timestamp)")
                .params(meeting, "Grupo ad hoc " + tag).update();
        jdbc.sql("update request set meeting_id = ?, agreement_number = '1a', agreement_position = 1"
                + " where reference = ?").params(meeting, overdue).update();
        registry.setState(formula, RequestState.CLOSED);
    }

    @Test
    void listShowsTheRequestsFoundBySearchWithRecipientsDueDateOverdueDaysAndAgreement() throws Exception {
        Document page = page("/registry?q=" + tag);

        assertThat(references(page)).as("the three requests, newest first").containsExactly(markup, formula, overdue);
        Element row = row(page, overdue);
        assertThat(row.select("a[href=/registry/" + overdue + "]")).as("reference links to the request page")
                .hasSize(1);
        assertThat(row.select(".recipients .badge").eachText()).as("recipients with their states")
                .containsExactly("IOM · esperando respuesta", "PAHO · respondida");
        assertThat(row.hasClass("overdue")).as("overdue row highlighted").isTrue();
        assertThat(row.select(".overdue-days").text()).as("days overdue").isEqualTo("5 días");
        assertThat(row.select("a.agreement").attr("href")).as("agreement link")
                .isEqualTo("/meetings/" + meeting + "#agreement-1a");
        assertThat(row.select("a.agreement").text()).as("agreement number").isEqualTo("1a");
        assertThat(page.select(".result-count").text()).as("result count").isEqualTo("3 solicitudes");
        assertThat(page.select("a[href^=/registry.csv]").attr("href")).as("CSV link keeps the search")
                .isEqualTo("/registry.csv?q=" + tag);
        assertThat(page.select("a[href^=/registry/print]").attr("href")).as("printable link keeps the search")
                .isEqualTo("/registry/print?q=" + tag);
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        assertThat(references(page("/registry?state=AWAITING_REPLY&q=" + tag))).as("state filter")
                .containsExactly(overdue);
        assertThat(references(page("/registry?recipient=UNHCR&q=" + tag))).as("recipient filter")
                .containsExactly(markup);
        assertThat(references(page("/registry?meeting=" + meeting))).as("meeting filter").containsExactly(overdue);
        assertThat(references(page("/registry?overdue=true&q=" + tag))).as("overdue filter")
                .containsExactly(overdue);
        assertThat(references(page("/registry?q=" + overdue.toLowerCase()))).as("search by reference, any case")
                .containsExactly(overdue);
        Document filtered = page("/registry?state=CLOSED&recipient=ICRC&q=" + tag);
        assertThat(references(filtered)).as("filters combined").containsExactly(formula);
        assertThat(filtered.select("#state option[selected]").attr("value")).as("state kept in the form")
                .isEqualTo("CLOSED");
        assertThat(filtered.select("#state option[value=CLOSED]").text()).as("state label translated")
                .isEqualTo("Cerrada");
    }

    @Test
    void secondPageHoldsTheRestAndItsLinksKeepTheFilters() throws Exception {
        Document second = page("/registry?size=2&page=2&q=" + tag);

        assertThat(references(second)).as("page 2 of 2 rows a page").containsExactly(overdue);
        assertThat(second.select(".pager span").text()).as("pager position").isEqualTo("Página 2 de 2");
        assertThat(second.select(".pager a[rel=prev]").attr("href")).as("previous link keeps search and size")
                .isEqualTo("/registry?q=" + tag + "&size=2&page=1");
        assertThat(second.select(".pager a[rel=next]")).as("no next link on the last page").isEmpty();
        assertThat(references(page("/registry?size=2&q=" + tag))).as("page 1").containsExactly(markup, formula);
    }

    @Test
    void searchMatchingNothingSaysSoAndOffersToClearTheFilters() throws Exception {
        Document page = page("/registry?q=nothing-" + tag);

        assertThat(page.select("table.registry")).as("no table").isEmpty();
        assertThat(page.select(".empty-filtered").text()).as("empty state for filters")
                .contains("Ninguna solicitud coincide con los filtros");
        assertThat(page.select(".empty-filtered a").attr("href")).as("clear filters link").isEqualTo("/registry");
        assertThat(page.select(".empty-none")).as("not the empty state of an empty registry").isEmpty();
    }

    @Test
    void badFilterValuesAreIgnoredOrClampedWithANotice() throws Exception {
        HttpResponse<String> bad = get("/registry?state=BOGUS&page=-3&size=99999&recipient=NOPE&q=" + tag, "officer1");
        assertThat(bad.statusCode()).as("bad values do not fail the page").isEqualTo(200);
        Document page = Jsoup.parse(bad.body());
        assertThat(page.select(".notice p").eachText()).as("a notice for each bad value").hasSize(4)
                .anySatisfy(text -> assertThat(text).contains("BOGUS"))
                .anySatisfy(text -> assertThat(text).contains("99999"));
        assertThat(references(page)).as("the other filters still apply").containsExactly(markup, formula, overdue);

        Document beyond = page("/registry?page=999&size=2&q=" + tag);
        assertThat(references(beyond)).as("a page beyond the end shows the last").containsExactly(overdue);
        assertThat(beyond.select(".notice p").text()).as("notice for the page beyond the end").contains("999");
        assertThat(get("/registry?page=99999999999999", "officer1").statusCode()).as("page not a number")
                .isEqualTo(200);
    }

    @Test
    void csvHasAHeaderOneQuotedGuardedLinePerRequestAndTheFilters() throws Exception {
        HttpResponse<String> response = get("/registry.csv?q=" + tag, "officer1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.headers().firstValue("Content-Disposition")).as("attachment with the date")
                .hasValue("attachment; filename=\"registry-" + LocalDate.now() + ".csv\"");
        List<String> lines = response.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).as("header row")
                .isEqualTo("Referencia,Asunto,Estado,Vence,Días de retraso,Destinatarios,Reunión,Acuerdo,Creada");
        assertThat(lines).as("header and three requests").hasSize(4);
        assertThat(line(lines, overdue)).as("recipients with states, days overdue, agreement")
                .contains(",AWAITING_REPLY,", ",5,\"IOM:AWAITING_REPLY; PAHO:ANSWERED\"," + meeting + ",1a,");
        assertThat(line(lines, formula)).as("formula guarded, quotes doubled, cell quoted")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\"), \"\"citado\"\" " + tag + "\",CLOSED,");

        String closed = get("/registry.csv?state=CLOSED&q=" + tag, "officer1").body();
        assertThat(closed).as("state filter applied").contains(formula).doesNotContain(overdue).doesNotContain(markup);
    }

    @Test
    void printablePageListsTheMatchingRequestsWithDateAndFilters() throws Exception {
        Document page = page("/registry/print?overdue=true&q=" + tag);

        assertThat(page.select("table.registry tbody tr")).as("one overdue request").hasSize(1);
        assertThat(page.select("table.registry tbody").text()).as("its reference").contains(overdue);
        assertThat(page.select(".print-date").text()).as("print date").isEqualTo(LocalDate.now().toString());
        assertThat(page.select(".print-filters").text()).as("filters named").contains("Solo vencidas").contains(tag);
        assertThat(page.select("link[rel=stylesheet]").attr("href")).as("the stylesheet with print rules")
                .isEqualTo("/css/pages.css");
    }

    @Test
    void markupInASubjectIsShownAsText() throws Exception {
        HttpResponse<String> list = get("/registry?q=" + tag, "officer1");
        HttpResponse<String> print = get("/registry/print?q=" + tag, "officer1");

        for (HttpResponse<String> response : List.of(list, print)) {
            assertThat(response.body()).as("no raw script tag from the subject")
                    .doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        }
        assertThat(row(Jsoup.parse(list.body()), markup).select(".subject").text()).as("subject text as typed")
                .isEqualTo("<script>alert('x')</script> " + tag);
    }

    @Test
    void aDelegateIsRefused() throws Exception {
        for (String path : List.of("/registry", "/registry.csv", "/registry/print")) {
            assertThat(get(path, "delegate-hn").statusCode()).as(path + " for a Troika delegate").isEqualTo(403);
        }
    }

    @Test
    void anAnonymousBrowserIsSentToTheLogin() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/registry?q=x"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("redirect").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("to the login, coming back afterwards")
                .hasValueSatisfying(location -> assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                        .endsWith("/login?next=/registry?q=x"));
    }

    private String start(String subject, String... recipients) {
        return requests.start(new NewRequest(subject, "Solicitamos la información indicada.", List.of(recipients),
                LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(), "officer1").reference();
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get(path, "officer1");
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> references(Document page) {
        return page.select("table.registry tbody tr").eachAttr("data-reference");
    }

    private static Element row(Document page, String reference) {
        Element row = page.selectFirst("table.registry tbody tr[data-reference=" + reference + "]");
        assertThat(row).as("row of " + reference).isNotNull();
        return row;
    }

    private static String line(List<String> lines, String reference) {
        return lines.stream().filter(l -> l.startsWith(reference + ",")).findFirst().orElseThrow(() ->
                new AssertionError("no CSV line for " + reference + " in " + lines));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).header("Accept-Language", "es")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
