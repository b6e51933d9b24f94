package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics page and its CSV through HTTP, for a request of the test's own meeting, sent to IOM and PAHO in
 * March 2020, answered by IOM after three and a half days. Other tests' requests are in the database too: every call
 * filters by this meeting and a period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIntegrationTest extends IntegrationTestBase {

    private static final String MARCH_2020 = "&from=2020-03-01&to=2020-03-31";
    private static final String MAY_2019 = "&from=2019-05-01&to=2019-05-31";
    private static final String SCRIPT_NAME = "Evil </script><script>alert(1)</script> Org";
    private static final String WEBJAR = "/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RequestJourney journey;

    @Autowired
    RequestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    private final String meeting = "stats-" + UUID.randomUUID();
    private final String scriptParty = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeAll
    void aRequestSentToIomAndPahoAnsweredByIom() {
        jdbc.sql("insert into meeting (id, name, place, starts_on, ends_on, language, imported_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(meeting, "Statistics test meeting", "Panamá", LocalDate.of(2020, 2, 20),
                        LocalDate.of(2020, 2, 21), "es", Timestamp.from(Instant.now())).update();
        String reference = journey.sent("Statistics " + meeting, "IOM", "PAHO");
        // both recipients waiting for their reply before the states and times are set: reaching "Await reply" (a job
        // after the sending) sets the state AWAITING_REPLY, which would overwrite them
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(reference).activityId(Elements.AWAIT_REPLY).count() == 2);
        jdbc.sql("update request set meeting_id = ? where reference = ?").params(meeting, reference).update();
        registry.setRecipientState(reference, "IOM", RecipientState.ANSWERED);
        // the statistics read only the registry's tables: an emailed reply would be answered "now", a few seconds
        // after sending; the times are set here so that the days to answer are known (3.5) and the period is past
        setTimes(reference, "IOM", "2020-03-02T10:00:00Z", "2020-03-05T22:00:00Z", "2020-04-01");
        setTimes(reference, "PAHO", "2020-03-02T10:00:00Z", null, "2020-03-20");

        // a party whose name would break out of the chart's data if it were not escaped, sent in May 2019
        jdbc.sql("insert into directory_party (code, kind, name_es, name_en, member) values (?, ?, ?, ?, ?)")
                .params(scriptParty, "ORGANIZATION", SCRIPT_NAME, SCRIPT_NAME, false).update();
        jdbc.sql("insert into request_recipient (reference, party_code, state, reply_due, sent_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(reference, scriptParty, "AWAITING_REPLY", LocalDate.of(2019, 6, 1),
                        Timestamp.from(Instant.parse("2019-05-10T12:00:00Z"))).update();
    }

    private void setTimes(String reference, String party, String sent, String answered, String due) {
        jdbc.sql("update request_recipient set sent_at = ?, answered_at = ?, reply_due = ? "
                        + "where reference = ? and party_code = ?")
                .params(Timestamp.from(Instant.parse(sent)), answered == null ? null : Timestamp.from(
                        Instant.parse(answered)), LocalDate.parse(due), reference, party).update();
    }

    @Test
    void tableCountsEachPartysSendingsAnswersAndDaysWithTotals() throws Exception {
        Document page = page("/statistics?lang=en&meeting=" + meeting + MARCH_2020);

        assertThat(page.select("#statistics-table tbody tr[data-party]")).as("party rows of the period")
                .extracting(row -> row.attr("data-party")).containsExactly("IOM", "PAHO");
        // party, sent, answered, rate, open, overdue now, median, p90
        assertThat(cells(page, "IOM")).as("IOM: answered after 3.5 days")
                .containsExactly("International Organization for Migration (IOM)", "1", "1", "100%", "0", "0", "3.5",
                        "3.5");
        assertThat(cells(page, "PAHO")).as("PAHO: still awaiting, due 2020-03-20")
                .containsExactly("Pan American Health Organization (PAHO)", "1", "0", "0%", "1", "1", "—", "—");
        assertThat(cells(page, "TOTAL")).as("totals")
                .containsExactly("Total", "2", "1", "50%", "1", "1", "3.5", "3.5");
        assertThat(page.select("#statistics-table tbody th[scope=rowgroup]").eachText()).as("grouped by kind")
                .containsExactly("Organizations");
        assertThat(page.select("#statistics-table caption").text()).as("table caption").isNotBlank();
        assertThat(page.select(".hint").text()).as("the percentile definition is said on the page")
                .contains("linear interpolation");
        assertThat(page.select(".print-only").text()).as("the filter, said on paper")
                .isEqualTo("Sent from 2020-03-01 to 2020-03-31; meeting: Statistics test meeting.");
    }

    @Test
    void spanishIsTheDefaultWithADecimalComma() throws Exception {
        Document page = page("/statistics?lang=es&meeting=" + meeting + MARCH_2020);

        assertThat(cells(page, "IOM")).as("IOM in Spanish")
                .containsExactly("Organización Internacional para las Migraciones (OIM)", "1", "1", "100 %", "0", "0",
                        "3,5", "3,5");
        assertThat(page.select("#statistics-table tbody th[scope=rowgroup]").eachText()).as("group in Spanish")
                .containsExactly("Organizaciones");
    }

    @Test
    void chartDataCarriesTheSameFiguresWithLabelsInThePagesLanguage() throws Exception {
        Map<String, Object> chart = chartData(page("/statistics?lang=en&meeting=" + meeting + MARCH_2020));

        assertThat(list(chart.get("labels"))).as("chart labels")
                .containsExactly("International Organization for Migration (IOM)",
                        "Pan American Health Organization (PAHO)");
        assertThat(series(chart, "sent")).as("sent series").containsEntry("label", "Sent")
                .containsEntry("data", List.of(1, 1));
        assertThat(series(chart, "answered")).as("answered series").containsEntry("data", List.of(1, 0));
        assertThat(list(series(chart, "median").get("data"))).as("median days, none for PAHO")
                .containsExactly(3.5, null);
        assertThat(series(chart, "p90")).as("p90 series").containsEntry("label", "90th percentile (days)");
    }

    @Test
    void csvHasTheTableWithTotals() throws Exception {
        HttpResponse<String> csv = get("/statistics.csv?lang=en&meeting=" + meeting + MARCH_2020, "officer1");

        assertThat(csv.statusCode()).as("status of the CSV").isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).as("content type").hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().replace("\uFEFF", "").split("\r\n")).as("CSV lines").containsExactly(
                "Kind,Code,Recipient,Sent,Answered,Answer rate,Open,Overdue now,Median (days),90th percentile (days)",
                "Organization,IOM,International Organization for Migration (IOM),1,1,100,0,0,3.5,3.5",
                "Organization,PAHO,Pan American Health Organization (PAHO),1,0,0,1,1,,",
                ",,Total,2,1,50,1,1,3.5,3.5");
    }

    @Test
    void pageLoadsChartJsFromItsWebjarAndItsOwnScript() throws Exception {
        Document page = page("/statistics?meeting=" + meeting + MARCH_2020);

        assertThat(page.select("script[src]").eachAttr("src")).as("scripts of the page")
                .containsExactly(WEBJAR, "/js/statistics.js");
        assertThat(page.select("script:not([src])")).as("no inline script at all").isEmpty();
        assertThat(page.select("canvas")).as("the two charts").hasSize(2);
        for (String script : List.of(WEBJAR, "/js/statistics.js")) {
            HttpResponse<String> response = get(script, "officer1");
            assertThat(response.statusCode()).as("status of " + script).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as("content type of " + script)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
        assertThat(get(WEBJAR, "officer1").body()).as("the webjar holds Chart.js").contains("Chart.js v4.4.1");
    }

    @Test
    void delegatesMayNotSeeTheStatistics() throws Exception {
        assertThat(get("/statistics", "delegate-hn").statusCode()).as("page for a Troika delegate").isEqualTo(403);
        assertThat(get("/statistics.csv", "delegate-hn").statusCode()).as("CSV for a Troika delegate")
                .isEqualTo(403);
    }

    @Test
    void aPeriodWithoutSendingsShowsAMessageInsteadOfAChart() throws Exception {
        Document page = page("/statistics?lang=en&from=1990-01-01&to=1990-01-31");

        assertThat(page.select("#statistics-empty").text()).as("empty message")
                .isEqualTo("No request was sent with these filters.");
        assertThat(page.select("canvas, #statistics-data, #statistics-table")).as("no chart, data or table").isEmpty();
    }

    @Test
    void anUnreadableDateIsANoticeNotAnError() throws Exception {
        HttpResponse<String> response = get("/statistics?lang=en&from=2020-13-45&meeting=" + meeting, "officer1");

        assertThat(response.statusCode()).as("status with a bad date").isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".notice-error").text()).as("notice").contains("\"Sent from\" is not valid");
        assertThat(page.select("#statistics-table tbody tr[data-party]")).as("the meeting's rows, any period")
                .extracting(row -> row.attr("data-party")).containsExactlyInAnyOrder("IOM", "PAHO", scriptParty);
    }

    @Test
    void aPartyNameWithAScriptEndTagStaysInsideTheDataBlock() throws Exception {
        String html = get("/statistics?lang=en&meeting=" + meeting + MAY_2019, "officer1").body();

        assertThat(html).as("the name's end tag is not in the page as markup").doesNotContain("</script><script>");
        Document page = Jsoup.parse(html);
        assertThat(html).as("escaped in the data attribute").contains("&lt;/script&gt;&lt;script&gt;");
        assertThat(list(chartData(page).get("labels"))).as("the name, decoded as the page's script does")
                .containsExactly(SCRIPT_NAME);
        assertThat(page.select("#statistics-table tbody th[scope=row]").eachText()).as("the name in the table")
                .containsExactly(SCRIPT_NAME);
    }

    private static List<String> cells(Document page, String party) {
        Element row = page.select("#statistics-table tr[data-party=" + party + "]").first();
        assertThat(row).as("row of " + party).isNotNull();
        return row.children().eachText();
    }

    /** The chart's data as statistics.js reads it: the data-chart attribute, decoded by the parser, as JSON. */
    private static Map<String, Object> chartData(Document page) throws Exception {
        String json = page.select("#statistics-data").first().attr("data-chart");
        return new ObjectMapper().readValue(json, new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> chart, String name) {
        return (Map<String, Object>) chart.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get(path, "officer1");
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
