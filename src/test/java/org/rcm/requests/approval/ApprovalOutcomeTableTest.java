package org.rcm.requests.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of {@code processes/Decision_ApprovalOutcome.dmn} as shipped, on the engine's DMN engine: the rule the
 * model followed before the table (one rejection rejects at once; otherwise every country is waited for; any request
 * for changes goes back to drafting; silence counts as consent; three approvals approve). A Troika of three.
 */
class ApprovalOutcomeTableTest {

    private static DmnEngine dmn;
    private static DmnDecision table;

    @BeforeAll
    static void parseTheTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = Files.newInputStream(Path.of("processes", "Decision_ApprovalOutcome.dmn"))) {
            table = dmn.parseDecision("Decision_ApprovalOutcome", file);
        }
    }

    @ParameterizedTest(name = "{0} approvals, {1} changes, {2} rejections, {3} silent, {4} to answer: {5}")
    @CsvSource({
            // nobody has answered yet, or not everybody
            "0, 0, 0, 0, 3, pending",
            "1, 0, 0, 0, 2, pending",
            "2, 0, 0, 0, 1, pending",
            "0, 0, 0, 1, 2, pending",
            "1, 1, 0, 0, 1, pending",
            // one rejection rejects at once, whatever the others did or will do
            "0, 0, 1, 0, 2, rejected",
            "2, 0, 1, 0, 0, rejected",
            "1, 1, 1, 0, 0, rejected",
            "0, 0, 1, 1, 1, rejected",
            // all answered: changes win over approvals and silence
            "2, 1, 0, 0, 0, changes-requested",
            "0, 3, 0, 0, 0, changes-requested",
            "1, 1, 0, 1, 0, changes-requested",
            // silence counts as consent
            "2, 0, 0, 1, 0, approved",
            "1, 0, 0, 2, 0, approved",
            "0, 0, 0, 3, 0, approved",
            "3, 0, 0, 0, 0, approved"
    })
    void theShippedTableKeepsTheRuleOfVersion2(int approvals, int changeRequests, int rejections, int silences,
                                               int unanswered, String outcome) {
        Object decided = dmn.evaluateDecisionTable(table, Map.of("approvals", approvals,
                "changeRequests", changeRequests, "rejections", rejections, "silences", silences,
                "unanswered", unanswered)).getSingleEntry();

        assertThat(decided).as("Decision_ApprovalOutcome for %d approvals, %d requests for changes, %d rejections, %d "
                + "silent and %d still to answer", approvals, changeRequests, rejections, silences, unanswered)
                .isEqualTo(outcome);
    }
}
