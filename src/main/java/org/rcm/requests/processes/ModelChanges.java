package org.rcm.requests.processes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Compares two versions of a model where the engine's migration does not look: the triggers of events (a timer's
 * date, duration or cycle, a message or signal name, a condition) and the input parameters of activities.
 */
final class ModelChanges {

    private final BpmnModelInstance source;
    private final BpmnModelInstance target;

    ModelChanges(BpmnModelInstance source, BpmnModelInstance target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Whether an event's trigger changed. Only then does the plan replace it: a replaced timer starts counting
     * anew, so one left alone keeps a silence period or a reminder from restarting at every migration.
     */
    boolean triggerChanged(String sourceActivityId, String targetActivityId) {
        return !trigger(source, sourceActivityId).equals(trigger(target, targetActivityId));
    }

    /** Input parameters of the target activity that are new or have another value than in the source. */
    List<Plan.InputChange> inputChanges(String sourceActivityId, String targetActivityId) {
        Map<String, String> before = inputs(source, sourceActivityId);
        return inputs(target, targetActivityId).entrySet().stream()
                .filter(input -> !Objects.equals(before.get(input.getKey()), input.getValue()))
                .map(input -> new Plan.InputChange(targetActivityId, input.getKey(), before.get(input.getKey()),
                        input.getValue()))
                .toList();
    }

    private static String trigger(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        if (element instanceof CatchEvent event) {
            return event.getEventDefinitions().stream().map(ModelChanges::describe).collect(Collectors.joining("; "));
        }
        if (element instanceof ReceiveTask task && task.getMessage() != null) {
            return "message " + task.getMessage().getName();
        }
        return "";
    }

    private static String describe(EventDefinition definition) {
        if (definition instanceof TimerEventDefinition timer) {
            return "timer " + text(timer.getTimeDate()) + " " + text(timer.getTimeDuration()) + " "
                    + text(timer.getTimeCycle());
        }
        if (definition instanceof MessageEventDefinition message) {
            return "message " + (message.getMessage() == null ? "" : message.getMessage().getName());
        }
        if (definition instanceof SignalEventDefinition signal) {
            return "signal " + (signal.getSignal() == null ? "" : signal.getSignal().getName());
        }
        if (definition instanceof ConditionalEventDefinition condition) {
            return "condition " + text(condition.getCondition()) + " " + condition.getCamundaVariableName() + " "
                    + condition.getCamundaVariableEvents();
        }
        return definition.getElementType().getTypeName();
    }

    private static Map<String, String> inputs(BpmnModelInstance model, String activityId) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (model.getModelElementById(activityId) instanceof BaseElement element
                && element.getExtensionElements() != null) {
            for (CamundaInputOutput io : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaInputOutput.class).list()) {
                for (CamundaInputParameter input : io.getCamundaInputParameters()) {
                    inputs.put(input.getCamundaName(), text(input));
                }
            }
        }
        return inputs;
    }

    private static String text(ModelElementInstance element) {
        return element == null ? "" : element.getTextContent().strip();
    }
}
