package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rcm.requests.PanamaHolidaysTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A due date in working days through the real application: {@code POST /api/requests} with
 * {@code replyDueWorkingDays}, each recipient's date in its own calendar in the API and on the registry's page, the
 * engine's timers on them once sent, the directory's calendar of each party, and the API's messages. Panama's
 * holidays here are the three weekdays after today ({@link PanamaHolidaysTestBase}), so that UNHCR (Panama's
 * calendar) is due three working days after IOM (Costa Rica's, with no holidays in that file).
 */
class WorkingDayDeadlinesIntegrationTest extends PanamaHolidaysTestBase {


    @Autowired
    TestRestTemplate rest;
    @Autowired
    RequestJourney journey;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ManagementService management;
    @Autowired
    RequestRegistry registry;

    @Test
    void eachRecipientIsDueInItsOwnCalendar() {
        // given: a request to IOM and UNHCR due in two working days
        Map<String, Object> body = request("Plazos en días hábiles " + UUID.randomUUID(), "IOM", "UNHCR");
        body.put("replyDueWorkingDays", 2);

        // when: it is posted
        ResponseEntity<Map> created = officer().postForEntity("/api/requests", body, Map.class);
        assertThat(created.getStatusCode()).as("POST /api/requests " + created.getBody())
                .isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");

        // then: IOM is due two working days from today, UNHCR three working days later (Panama's holidays)
        LocalDate iomDue = workingDays.plusWorkingDays(TODAY, 2, "CR");
        LocalDate unhcrDue = workingDays.plusWorkingDays(TODAY, 2, "PA");
        assertThat(unhcrDue).as("UNHCR's date: three weekdays after IOM's (Panama's holidays)").isEqualTo(
                workingDays.plusWorkingDays(iomDue, 3, "CR"));
        Map<String, Object> details = details(reference);
        assertThat(details.get("replyDueWorkingDays")).as("the working days in the API").isEqualTo(2);
        assertThat(details.get("replyDue")).as("the request's due date: the latest").isEqualTo(unhcrDue.toString());
        assertThat(dueDates(details)).as("each recipient's due date in the API")
                .containsExactlyInAnyOrderEntriesOf(Map.of("IOM", iomDue.toString(), "UNHCR", unhcrDue.toString()));
        Document page = Jsoup.parse(page("/registry/" + reference));
        assertThat(page.select("#recipients tbody tr").eachText()).as("the registry's page of the request")
                .anySatisfy(row -> assertThat(row).startsWith("IOM").contains(iomDue.toString()))
                .anySatisfy(row -> assertThat(row).startsWith("UNHCR").contains(unhcrDue.toString()));

        // and when: it is drafted, approved and sent today, the engine waits for each recipient's own date
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        for (String delegate : List.of("delegate-hn", "delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        List<Date> overdueAt = await().atMost(Duration.ofSeconds(30)).until(() -> timers(reference,
                Elements.REPLY_OVERDUE), timers -> timers.size() == 2);
        assertThat(overdueAt).as("the overdue timers of IOM and UNHCR")
                .containsExactlyInAnyOrder(endOf(iomDue), endOf(unhcrDue));
        assertThat(timers(reference, "BoundaryEvent_ReminderDue")).as("the first reminders, five working days on")
                .extracting(due -> LocalDate.ofInstant(due.toInstant(), ZoneId.systemDefault()))
                .containsExactlyInAnyOrder(workingDays.plusWorkingDays(TODAY, 5, "IOM"),
                        workingDays.plusWorkingDays(TODAY, 5, "UNHCR"));
        assertThat(dueDates(details(reference))).as("the due dates once sent today")
                .containsExactlyInAnyOrderEntriesOf(Map.of("IOM", iomDue.toString(), "UNHCR", unhcrDue.toString()));
    }

    @Test
    void directoryNamesEachPartysCalendar() {
        ResponseEntity<Map> directory = officer().getForEntity("/api/directory", Map.class);

        Map<String, Object> calendars = new HashMap<>();
        for (Object party : (List<?>) directory.getBody().get("parties")) {
            Map<?, ?> fields = (Map<?, ?>) party;
            calendars.put((String) fields.get("code"), fields.get("calendarCountry"));
        }
        assertThat(calendars).as("the calendar of each party in GET /api/directory")
                .containsEntry("IOM", "CR").containsEntry("PAHO", "US").containsEntry("UNHCR", "PA")
                .containsEntry("UNODC", "PA").containsEntry("ICRC", "MX").containsEntry("CSM", "AR")
                .containsEntry("HN", "HN").containsEntry("BR", "BR");
    }

    @Test
    void dueDateMustBeADateOrWorkingDays() {
        Map<String, Object> both = request("Ambos", "IOM");
        both.put("replyDue", TODAY.plusDays(30).toString());
        both.put("replyDueWorkingDays", 10);
        assertThat(errors(both)).as("errors of a request with both").containsOnlyKeys("replyDueWorkingDays");

        Map<String, Object> zero = request("Cero", "IOM");
        zero.put("replyDueWorkingDays", 0);
        assertThat(errors(zero)).as("errors of zero working days").containsEntry("replyDueWorkingDays",
                "Los días hábiles para responder deben ser un número entero entre 1 y 260 / Working days to reply "
                        + "must be a whole number from 1 to 260: 0");

        assertThat(errors(request("Ninguno", "IOM"))).as("errors of a request with neither")
                .containsOnlyKeys("replyDue");
    }

    // ---------------------------------------------------------------------------------------------------------

    private TestRestTemplate officer() {
        return rest.withBasicAuth("officer1", "demo");
    }

    private static Map<String, Object> request(String subject, String... recipients) {
        Map<String, Object> request = new HashMap<>();
        request.put("subject", subject);
        request.put("body", "Solicitamos la información indicada.");
        request.put("recipients", List.of(recipients));
        return request;
    }

    private Map<String, Object> details(String reference) {
        ResponseEntity<Map> response = officer().getForEntity("/api/requests/" + reference, Map.class);
        assertThat(response.getStatusCode()).as("GET /api/requests/" + reference).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, String> dueDates(Map<String, Object> details) {
        Map<String, String> due = new HashMap<>();
        for (Object recipient : (List<?>) details.get("recipients")) {
            Map<?, ?> fields = (Map<?, ?>) recipient;
            due.put((String) fields.get("code"), (String) fields.get("replyDue"));
        }
        return due;
    }

    private Map<String, String> errors(Map<String, Object> body) {
        ResponseEntity<Map> response = officer().postForEntity("/api/requests", body, Map.class);
        assertThat(response.getStatusCode()).as("POST /api/requests " + body).isEqualTo(HttpStatus.BAD_REQUEST);
        return (Map<String, String>) response.getBody().get("errors");
    }

    private String page(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept-Language", "es");
        ResponseEntity<String> response = officer().exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode()).as("GET " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Date> timers(String reference, String activityId) {
        String processInstanceId = registry.find(reference).orElseThrow().processInstanceId();
        return new ArrayList<>(management.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activityId).list().stream().map(Job::getDuedate).toList());
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(ZoneId.systemDefault()).toInstant());
    }
}
