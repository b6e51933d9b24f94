package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;

/** The history keeps every change of the decisions the timeline reads, and nothing of the forms' display copies. */
class AuditedVariablesHistoryIntegrationTest extends IntegrationTestBase {

    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    HistoryService history;

    @Test
    void decisionsAreKeptAndDisplayCopiesAreNot() {
        // given a request drafted twice and decided by the Troika
        String reference = requests.start(new NewRequest("Historia auditada", "Solicitamos la información.",
                List.of("IOM"), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1",
                Map.of(Variables.SUBJECT, "Historia auditada, segunda versión"));
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn"), "delegate-hn",
                Map.of(Variables.DECISION, "changes", Variables.COMMENT, "Precise el plazo"));
        String instance = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx").getProcessInstanceId();

        // then the history has the decision and its comment, but no change of the subject or the text
        assertThat(values(instance, Variables.DECISION)).as("the Troika's decisions in the history")
                .containsExactly("changes");
        assertThat(values(instance, Variables.COMMENT)).as("their comments in the history")
                .containsExactly("Precise el plazo");
        assertThat(details(instance, Variables.SUBJECT)).as("history rows of the subject's display copy").isZero();
        assertThat(details(instance, Variables.BODY)).as("history rows of the text's display copy").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableNameIn(Variables.SUBJECT, Variables.BODY, Variables.RECIPIENTS).count())
                .as("the display copies' values in the history (the registry keeps the request)").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(Variables.REFERENCE).singleResult().getValue())
                .as("the reference's last value, still in the history").isEqualTo(reference);
    }

    /** The values the history recorded for a variable, leaving out the empty inputs each approval starts with. */
    private List<Object> values(String instance, String variable) {
        return history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list().stream()
                .map(org.camunda.bpm.engine.history.HistoricVariableUpdate.class::cast)
                .filter(update -> variable.equals(update.getVariableName()) && update.getValue() != null)
                .map(org.camunda.bpm.engine.history.HistoricVariableUpdate::getValue).toList();
    }

    private long details(String instance, String variable) {
        return history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list().stream()
                .filter(detail -> variable.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
                        .getVariableName())).count();
    }
}
