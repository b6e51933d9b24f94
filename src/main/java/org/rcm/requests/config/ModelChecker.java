package org.rcm.requests.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.rcm.requests.calendar.WorkingTime;
import org.rcm.requests.request.RequestProcess;

/**
 * Finds what the engine would only notice while a request runs: a delegate expression that names no bean, a form
 * reference with no form in {@code processes/}, a timer value that does not parse.
 */
public class ModelChecker {

    private static final Pattern ROOT = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern VARIABLE_ONLY = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern CYCLE = Pattern.compile("^R(\\d*)/(.+)$");
    /** A method call in a timer's expression: {@code ${workingDays.cycle('R/P5D', recipient)}}. */
    private static final Pattern CALL = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*(?:'([^']*)')?");
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "true",
            "false", "dateTime");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /**
     * The process property naming a reply form ({@code Form_Reply_<kind>}), which the reply page and the review read
     * from the model's own deployment.
     */
    public static final String REPLY_FORM_PROPERTY = "replyForm";

    private final Predicate<String> isBean;
    private final boolean scriptsAllowed;

    public ModelChecker(Predicate<String> isBean) {
        this(isBean, false);
    }

    /** @param scriptsAllowed whether models may run scripts (script tasks, script listeners): off unless set */
    public ModelChecker(Predicate<String> isBean, boolean scriptsAllowed) {
        this.isBean = isBean;
        this.scriptsAllowed = scriptsAllowed;
    }

    /** The problems of one BPMN file; {@code formIds} are the ids of the forms beside it. */
    public List<ModelProblem> checkBpmn(String file, byte[] content, Collection<String> formIds) {
        return checkBpmn(file, content, formIds, form -> false);
    }

    /**
     * The problems of one BPMN file deployed with the forms {@code formIds}. A form bound by deployment
     * ({@code formRefBinding="deployment"}: the form of the model's own deployment) must be among them; one bound
     * otherwise may also be {@code deployedBefore}.
     */
    public List<ModelProblem> checkBpmn(String file, byte[] content, Collection<String> formIds,
                                        Predicate<String> deployedBefore) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException e) {
            return List.of(new ModelProblem(file, null, "not a valid BPMN file: " + rootCause(e)));
        }
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, String> literalInputs = model.getModelElementsByType(CamundaInputParameter.class).stream()
                .filter(p -> p.getTextContent() != null && !p.getTextContent().isBlank()
                        && !p.getTextContent().contains("${"))
                .collect(Collectors.toMap(CamundaInputParameter::getCamundaName, p -> p.getTextContent().trim(),
                        (a, b) -> a));
        for (ModelElementInstance element : model.getModelElementsByType(
                model.getModel().getType(BaseElement.class))) {
            checkBeanReference(file, id(element), "delegateExpression",
                    element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression"), problems);
            checkBeanReference(file, id(element), "expression",
                    element.getAttributeValueNs(CAMUNDA_NS, "expression"), problems);
            String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
            boolean byDeployment = "deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"));
            if (formRef != null && !formRef.contains("${") && !formIds.contains(formRef)
                    && (byDeployment || !deployedBefore.test(formRef))) {
                problems.add(new ModelProblem(file, id(element), "form reference '" + formRef + "' names no form "
                        + (byDeployment ? "deployed with the model (formRefBinding 'deployment': deploy its .form "
                        + "file together with it)" : "in processes/")));
            }
        }
        for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
            if (REPLY_FORM_PROPERTY.equals(property.getCamundaName()) && !formIds.contains(property.getCamundaValue())) {
                problems.add(new ModelProblem(file, id(property.getParentElement().getParentElement().getParentElement()),
                        "reply form '" + property.getCamundaValue() + "' names no form deployed with the model (deploy "
                        + "its .form file together with it)"));
            }
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            String owner = id(listener.getParentElement().getParentElement());
            checkBeanReference(file, owner, "delegateExpression", listener.getCamundaDelegateExpression(), problems);
            checkBeanReference(file, owner, "expression", listener.getCamundaExpression(), problems);
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            String owner = id(listener.getParentElement().getParentElement());
            checkBeanReference(file, owner, "delegateExpression", listener.getCamundaDelegateExpression(), problems);
            checkBeanReference(file, owner, "expression", listener.getCamundaExpression(), problems);
        }
        if (!scriptsAllowed) {
            for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
                problems.add(new ModelProblem(file, script.getId(), "script tasks run code from the model; "
                        + "allowed only with app.processes-allow-scripts=true"));
            }
            for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
                problems.add(new ModelProblem(file, id(script.getParentElement().getParentElement()),
                        "scripts run code from the model; allowed only with app.processes-allow-scripts=true"));
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            checkTimer(file, timer, literalInputs, problems);
        }
        checkVariableNames(file, model, problems);
        checkRequiredElements(file, model, problems);
        return problems;
    }

    /**
     * A variable the model declares (input and output parameters, a multi-instance element variable, a result
     * variable, the initiator) may not be named like a bean: expressions find the application's beans first
     * ({@link BeansFirstExpressionPlugin}), so the variable would never be read.
     */
    private void checkVariableNames(String file, BpmnModelInstance model, List<ModelProblem> problems) {
        for (CamundaInputParameter input : model.getModelElementsByType(CamundaInputParameter.class)) {
            checkVariableName(file, id(input.getParentElement().getParentElement().getParentElement()),
                    input.getCamundaName(), problems);
        }
        for (CamundaOutputParameter output : model.getModelElementsByType(CamundaOutputParameter.class)) {
            checkVariableName(file, id(output.getParentElement().getParentElement().getParentElement()),
                    output.getCamundaName(), problems);
        }
        for (ModelElementInstance element : model.getModelElementsByType(
                model.getModel().getType(BaseElement.class))) {
            String owner = id(element) != null ? id(element) : id(element.getParentElement());
            for (String attribute : List.of("elementVariable", "resultVariable", "initiator")) {
                checkVariableName(file, owner, element.getAttributeValueNs(CAMUNDA_NS, attribute), problems);
            }
        }
    }

    private void checkVariableName(String file, String element, String name, List<ModelProblem> problems) {
        if (name != null && isBean.test(name)) {
            problems.add(new ModelProblem(file, element, "variable '" + name + "' has the name of a bean, which "
                    + "expressions would find instead of it: give the variable another name"));
        }
    }

    /** The ids and message names the application looks up in a request's model (RequestProcess). */
    private static void checkRequiredElements(String file, BpmnModelInstance model, List<ModelProblem> problems) {
        if (model.getModelElementById(RequestProcess.KEY) == null) {
            return;
        }
        for (String id : RequestProcess.REQUIRED_ELEMENTS) {
            if (model.getModelElementById(id) == null) {
                problems.add(new ModelProblem(file, id, "element '" + id + "' is missing: the application looks "
                        + "it up by this id (keep the id when you change the element)"));
            }
        }
        Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                .collect(Collectors.toSet());
        for (String name : RequestProcess.REQUIRED_MESSAGES) {
            if (!messages.contains(name)) {
                problems.add(new ModelProblem(file, RequestProcess.KEY, "message '" + name + "' is missing: the "
                        + "inbox correlates replies and bounces by this name"));
            }
        }
    }

    /** A DMN file must at least read as DMN; the engine checks the rest when it deploys. */
    public List<ModelProblem> checkDmn(String file, byte[] content) {
        try {
            Dmn.readModelFromStream(new ByteArrayInputStream(content));
            return List.of();
        } catch (ModelException e) {
            return List.of(new ModelProblem(file, null, "not a valid DMN file: " + rootCause(e)));
        }
    }

    private void checkBeanReference(String file, String element, String attribute, String value,
                                    List<ModelProblem> problems) {
        if (value == null) {
            return;
        }
        Matcher root = ROOT.matcher(value.trim());
        if (!root.find()) {
            problems.add(new ModelProblem(file, element, attribute + " '" + value + "' is not an expression ${…}"));
        } else if (!ENGINE_NAMES.contains(root.group(1)) && !isBean.test(root.group(1))) {
            problems.add(new ModelProblem(file, element,
                    attribute + " '" + value + "' names no bean '" + root.group(1) + "'"));
        }
    }

    private void checkTimer(String file, TimerEventDefinition timer, Map<String, String> literalInputs,
                            List<ModelProblem> problems) {
        String owner = id(timer.getParentElement());
        for (ModelElementInstance value : new ModelElementInstance[] {timer.getTimeDate(),
                timer.getTimeDuration(), timer.getTimeCycle()}) {
            if (value != null && checkCall(file, owner, value.getTextContent(), problems)) {
                return;
            }
        }
        if (timer.getTimeDuration() != null) {
            checkValue(file, owner, "duration", timer.getTimeDuration().getTextContent(), literalInputs, problems);
        } else if (timer.getTimeCycle() != null) {
            String cycle = timer.getTimeCycle().getTextContent().trim();
            cycle = WorkingTime.parse(cycle).map(WorkingTime::value).orElse(cycle);
            Matcher repeat = CYCLE.matcher(cycle);
            if (repeat.matches()) {
                checkValue(file, owner, "cycle", repeat.group(2), literalInputs, problems);
            } else if (!cycle.contains("${") && cycle.split("\\s+").length < 6) {
                problems.add(new ModelProblem(file, owner, "timer cycle '" + cycle + "' is neither R/<duration> "
                        + "nor a cron expression"));
            }
        } else if (timer.getTimeDate() == null) {
            problems.add(new ModelProblem(file, owner, "timer has no date, duration or cycle"));
        }
    }

    /**
     * A timer's expression that calls a bean's method ({@code ${workingDays.duration('P3D', troikaCountry)}}): the bean
     * must exist, and the working-day calendar's {@code duration} and {@code cycle} must be given a value that
     * parses. True when the timer was such a call.
     */
    private boolean checkCall(String file, String owner, String text, List<ModelProblem> problems) {
        Matcher call = CALL.matcher(text == null ? "" : text.trim());
        if (!call.find()) {
            return false;
        }
        if (!ENGINE_NAMES.contains(call.group(1)) && !isBean.test(call.group(1))) {
            problems.add(new ModelProblem(file, owner, "timer '" + text.trim() + "' names no bean '" + call.group(1)
                    + "'"));
        } else if (call.group(1).equals("workingDays") && call.group(3) != null
                && (call.group(2).equals("duration") || call.group(2).equals("cycle"))) {
            String value = call.group(3).trim();
            Matcher repeat = CYCLE.matcher(value);
            if (call.group(2).equals("cycle") && !repeat.matches()) {
                problems.add(new ModelProblem(file, owner, "timer cycle '" + value + "' is not R/<duration> such as "
                        + "R/P5D"));
            } else {
                checkValue(file, owner, call.group(2), repeat.matches() ? repeat.group(2) : value, Map.of(),
                        problems);
            }
        }
        return true;
    }

    private void checkValue(String file, String owner, String what, String text, Map<String, String> literalInputs,
                            List<ModelProblem> problems) {
        String value = text == null ? "" : text.trim();
        value = WorkingTime.parse(value).map(WorkingTime::value).orElse(value);
        Matcher variable = VARIABLE_ONLY.matcher(value);
        if (variable.matches()) {
            value = literalInputs.get(variable.group(1));
            if (value == null) {
                return; // set at run time from request data
            }
        }
        if (value.contains("${")) {
            return;
        }
        try {
            DatatypeFactory.newInstance().newDuration(value);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            problems.add(new ModelProblem(file, owner, "timer " + what + " '" + value
                    + "' is not an ISO 8601 duration such as P7D or PT12H"));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(ModelElementInstance element) {
        return element == null ? null : element.getAttributeValue("id");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
