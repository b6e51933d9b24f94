package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** In the models' expressions the application's beans come before variables; other names resolve as before. */
class BeansFirstExpressionIntegrationTest extends IntegrationTestBase {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext beans;

    @Test
    void aVariableNamedLikeABeanDoesNotReplaceIt() {
        ExecutionImpl scope = new ExecutionImpl();
        scope.setVariableLocal("requestStates", "a variable's text");
        scope.setVariableLocal("recipient", "IOM");

        assertThat(evaluate("${requestStates}", scope)).as("the bean requestStates, not the variable")
                .isSameAs(beans.getBean("requestStates"));
        assertThat(evaluate("${recipient}", scope)).as("a variable with no bean of its name").isEqualTo("IOM");
        assertThat(evaluate("${workingDays.cycle('R/P5D', recipient)}", scope)).as("a bean's method with a variable")
                .isEqualTo(beans.getBean("workingDays", org.rcm.requests.calendar.WorkingDays.class)
                        .cycle("R/P5D", "IOM"));
    }

    private Object evaluate(String expression, ExecutionImpl scope) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context ->
                configuration.getExpressionManager().createExpression(expression).getValue(scope));
    }
}
