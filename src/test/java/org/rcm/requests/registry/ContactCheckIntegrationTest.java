package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.Receipt;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Check the contact" on the registry's list, the request page and in the API, on fixed dates: a recipient whose request email went out a
 * month ago (far more than the five working days, whatever the holidays) and that has neither acknowledged nor
 * answered is flagged; one that acknowledged, or whose email went out today, is not. The exact count of working days
 * is {@code ContactCheckTest}'s.
 */
class ContactCheckIntegrationTest extends IntegrationTestBase {

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;
    @Autowired
    RequestRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecipientSilentSinceItsEmailWentOutLongAgoIsFlaggedForACheckOfItsContact() throws Exception {
        // given a request whose emails to IOM and PAHO went out a month ago, to ICRC today; PAHO acknowledged it
        String reference = journey.sent("Puntos focales " + UUID.randomUUID(), "IOM", "PAHO", "ICRC");
        sentOn(reference, List.of("IOM", "PAHO"), Instant.now().minus(30, ChronoUnit.DAYS));
        registry.acknowledge(reference, "PAHO", Receipt.LINK);

        // when the officer opens the request, and a script reads it
        Document page = Jsoup.parse(officer("/registry/" + reference).body());
        JsonNode api = new ObjectMapper().readTree(officer("/api/requests/" + reference).body());

        // then only IOM is flagged
        assertThat(page.select("#recipients tbody tr:has(.check-contact) strong").eachText())
                .as("recipients flagged on the page").containsExactly("IOM");
        assertThat(page.select("#recipients .check-contact").text()).isEqualTo("Verificar el contacto");
        assertThat(api.path("recipients")).extracting(r -> r.path("code").asText() + "=" + r.path("checkContact")
                .asBoolean()).as("checkContact in the API").containsExactly("ICRC=false", "IOM=true", "PAHO=false");

        // and the registry's list flags IOM on the request's line
        Document list = Jsoup.parse(officer("/registry?q=" + reference).body());
        assertThat(list.select("tr[data-reference=" + reference + "] .check-contact").eachAttr("data-recipient"))
                .as("flagged on the registry's list").containsExactly("IOM");
    }

    /** Dates the request email to these recipients, and the registry's first sending, at {@code when}. */
    private void sentOn(String reference, List<String> recipients, Instant when) {
        for (String recipient : recipients) {
            jdbc.sql("update request_recipient set sent_at = ? where reference = ? and party_code = ?")
                    .params(Timestamp.from(when), reference, recipient).update();
            jdbc.sql("update correspondence set sent_at = ? where reference = ? and party_code = ? "
                    + "and kind = 'REQUEST' and direction = 'OUT'").params(Timestamp.from(when), reference, recipient)
                    .update();
        }
    }

    private HttpResponse<String> officer(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "es")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer1:demo"
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
