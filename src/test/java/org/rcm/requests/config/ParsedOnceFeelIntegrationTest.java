package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's engine decides with the parsed-once FEEL engine, and the Troika's table still decides. */
class ParsedOnceFeelIntegrationTest extends IntegrationTestBase {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTroikaOutcomeTableRunsOnTheParsedOnceEngine() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(ParsedOnceFeelPlugin.ParsedOnceFeelEngine.class);

        // a rejection by one country rejects at once (Rule_OneRejectionRejects), the other two still unanswered
        String reference = requests.start(new NewRequest("Tabla de la Troika", "Solicitamos la información.",
                List.of("IOM"), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn"), "delegate-hn",
                Map.of(Variables.DECISION, "reject", Variables.COMMENT, "No procede"));
        assertThat(jdbc.sql("select state from request where reference = ?").param(reference).query(String.class)
                .single()).as("one rejection should end the request").isEqualTo("REJECTED");
    }
}
