package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModelCheckerTest {

    private final ModelChecker checker = new ModelChecker(Set.of("sendRequestMailDelegate", "requestStates",
            "workingDays")::contains);

    @Test
    void delegateExpressionNamingNoBeanIsReported() {
        List<ModelProblem> problems = check(serviceTask("${sendRequestMailDelegat}") + timer("PT1H"));

        assertThat(problems).as("problems of a misspelt delegate expression").singleElement()
                .satisfies(problem -> {
                    assertThat(problem.element()).as("element named").isEqualTo("Task_Send");
                    assertThat(problem.message()).as("message").contains("names no bean 'sendRequestMailDelegat'");
                });
    }

    @Test
    void listenerExpressionNamingNoBeanIsReported() {
        String listener = """
                <bpmn:userTask id="Task_Draft" camunda:formRef="Form_Known">
                  <bpmn:extensionElements>
                    <camunda:executionListener expression="${requestState.request(execution, 'X')}" event="start" />
                  </bpmn:extensionElements>
                </bpmn:userTask>""";

        assertThat(check(listener)).as("problems of a listener naming no bean")
                .extracting(ModelProblem::element).containsExactly("Task_Draft");
    }

    @Test
    void formReferenceWithNoFormIsReported() {
        String task = "<bpmn:userTask id=\"Task_Review\" camunda:formRef=\"Form_Missing\" />";

        assertThat(check(task)).as("problems of a missing form").singleElement()
                .satisfies(problem -> assertThat(problem.toString()).contains("Task_Review").contains("Form_Missing"));
    }

    @Test
    void replyFormNamedByTheProcessButNotDeployedWithItIsReported() {
        String properties = """
                <bpmn:extensionElements>
                  <camunda:properties>
                    <camunda:property name="replyForm" value="Form_Known" />
                    <camunda:property name="replyForm" value="Form_Reply_missing" />
                  </camunda:properties>
                </bpmn:extensionElements>""";

        assertThat(check(properties)).as("problems of a reply form not deployed with the model").singleElement()
                .satisfies(problem -> {
                    assertThat(problem.element()).as("the process names it").isEqualTo("Test");
                    assertThat(problem.message()).contains("Form_Reply_missing");
                });
    }

    @Test
    void timerThatDoesNotParseIsReported() {
        assertThat(check(serviceTask("${sendRequestMailDelegate}") + timer("7 days")))
                .as("problems of a timer '7 days'").singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'7 days'"));
    }

    @Test
    void timerTakenFromAnInputParameterIsCheckedToo() {
        String model = """
                <bpmn:subProcess id="SubProcess_Wait">
                  <bpmn:extensionElements>
                    <camunda:inputOutput><camunda:inputParameter name="interval">one week</camunda:inputParameter></camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:task id="Task_Wait" />
                  <bpmn:boundaryEvent id="BoundaryEvent_Tick" cancelActivity="false" attachedToRef="Task_Wait">
                    <bpmn:timerEventDefinition><bpmn:timeCycle>R/${interval}</bpmn:timeCycle></bpmn:timerEventDefinition>
                  </bpmn:boundaryEvent>
                </bpmn:subProcess>""";

        assertThat(check(model)).as("problems of a cycle whose interval is 'one week'")
                .extracting(ModelProblem::element).containsExactly("BoundaryEvent_Tick");
    }

    @Test
    void variableNamedLikeABeanIsReported() {
        String model = """
                <bpmn:subProcess id="SubProcess_PerRecipient">
                  <bpmn:extensionElements>
                    <camunda:inputOutput><camunda:inputParameter name="requestStates" /></camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${list}" camunda:elementVariable="workingDays" />
                  <bpmn:task id="Task_Wait" />
                </bpmn:subProcess>
                <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="D" camunda:resultVariable="recipientDue" />""";

        assertThat(check(model)).as("problems of variables named like the beans requestStates and workingDays")
                .extracting(ModelProblem::element, ModelProblem::message)
                .containsExactlyInAnyOrder(tuple("SubProcess_PerRecipient", "variable 'requestStates' has the name of a "
                                + "bean, which expressions would find instead of it: give the variable another name"),
                        tuple("SubProcess_PerRecipient", "variable 'workingDays' has the name of a bean, which "
                                + "expressions would find instead of it: give the variable another name"));
    }

    @Test
    void timersInWorkingDaysAreCheckedLikeOthers() {
        assertThat(check(timer("${workingDays.duration('P3D', troikaCountry)}") + cycle("Event_Cycle",
                "${workingDays.cycle('R/P5D', recipient)}") + cycle("Event_Literal", "R/P5D @CR")))
                .as("problems of sound timers in working days").isEmpty();

        assertThat(check(timer("${workingDay.duration('P3D', troikaCountry)}")))
                .as("problems of a timer calling a misspelt bean").singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("names no bean 'workingDay'"));
        assertThat(check(cycle("Event_Cycle", "${workingDays.cycle('R/5 days', recipient)}")))
                .as("problems of a working-day cycle that does not parse").singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'5 days'"));
        assertThat(check(cycle("Event_Cycle", "${workingDays.cycle('P5D', recipient)}")))
                .as("problems of a working-day cycle without R/").singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("is not R/<duration>"));
        assertThat(check(timer("5 days @CR"))).as("problems of a literal in working days that does not parse")
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("'5 days @CR'"));
    }

    @Test
    void scriptTaskIsRefusedUnlessScriptsAreAllowed() {
        String script = "<bpmn:scriptTask id=\"Task_RunScript\" scriptFormat=\"javascript\">"
                + "<bpmn:script>java.lang.Runtime.getRuntime().exec('rm -rf /')</bpmn:script></bpmn:scriptTask>";

        assertThat(check(script)).as("problems of a script task").extracting(ModelProblem::element)
                .containsExactly("Task_RunScript");
        assertThat(new ModelChecker(name -> true, true).checkBpmn("Test.bpmn", model(script)
                .getBytes(StandardCharsets.UTF_8), List.of())).as("problems when scripts are allowed").isEmpty();
    }

    @Test
    void soundModelHasNoProblems() {
        String model = serviceTask("${sendRequestMailDelegate}") + timer("P7D")
                + "<bpmn:userTask id=\"Task_Known\" camunda:formRef=\"Form_Known\" />";

        assertThat(check(model)).as("problems of a sound model").isEmpty();
    }

    @Test
    void fileThatIsNotBpmnIsReported() {
        List<ModelProblem> problems = checker.checkBpmn("Broken.bpmn",
                "<bpmn:definitions".getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(problems).as("problems of a truncated file").singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("Broken.bpmn"));
    }

    private List<ModelProblem> check(String elements) {
        return checker.checkBpmn("Test.bpmn", model(elements).getBytes(StandardCharsets.UTF_8), List.of("Form_Known"));
    }

    private static String model(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="test">
                  <bpmn:process id="Test" isExecutable="true">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
    }

    private static String serviceTask(String expression) {
        return "<bpmn:serviceTask id=\"Task_Send\" camunda:delegateExpression=\"" + expression + "\" />";
    }

    private static String cycle(String id, String cycle) {
        return """
                <bpmn:intermediateCatchEvent id="%s">
                  <bpmn:timerEventDefinition><bpmn:timeCycle>%s</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""".formatted(id, cycle);
    }

    private static String timer(String duration) {
        return """
                <bpmn:intermediateCatchEvent id="Event_Wait">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""".formatted(duration);
    }
}
