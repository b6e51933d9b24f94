package org.rcm.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request as the Secretariat sees it through {@code /api}, and whether its instance still has work to run. Not a
 * component: the applications the cluster tests and benchmarks start have no test client.
 */
public class RequestRecord {

    private static final String OFFICER = "officer1";

    private final TestRestTemplate rest;
    private final ManagementService management;

    public RequestRecord(TestRestTemplate rest, ManagementService management) {
        this.rest = rest;
        this.management = management;
    }

    /** {@code GET /api/requests/{reference}} as an officer. */
    public Map<?, ?> details(String reference) {
        ResponseEntity<Map> answer = rest.withBasicAuth(OFFICER, "demo").getForEntity("/api/requests/" + reference,
                Map.class);
        assertThat(answer.getStatusCode()).as("GET /api/requests/" + reference).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> recipientCodes(Map<?, ?> details) {
        return ((List<Map<?, ?>>) details.get("recipients")).stream().map(r -> (Object) r.get("code")).toList();
    }

    /** Every job of the instance that is due has run: nothing is left that could still send an email. */
    public boolean sendingDone(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).executable().count() == 0;
    }
}
