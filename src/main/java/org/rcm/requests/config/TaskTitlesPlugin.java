package org.rcm.requests.config;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.task.TaskTitles;
import org.springframework.stereotype.Component;

/**
 * Names every user task in Spanish, the Secretariat's language (the model's {@code title_es} property; the diagrams
 * keep their English labels, which English-speaking users see, {@link org.rcm.requests.task.TasklistLanguage}), and
 * after its request, so that Tasklist's list says which one it is: "Aprobar solicitud · CRM-2026-0007 · MX". Triage
 * tasks name no request: the one they would name is only a guess.
 */
@Component
class TaskTitlesPlugin extends AbstractProcessEnginePlugin {

    private static final TaskListener TITLE = TaskTitlesPlugin::title;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, TITLE);
            }
        });
    }

    /** The Spanish title of each user task, by process definition and task key (a deployed model never changes). */
    private static final Map<String, Optional<String>> SPANISH = new ConcurrentHashMap<>();

    static void title(DelegateTask task) {
        String title = SPANISH.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                key -> Optional.ofNullable(TaskTitles.spanish(task.getBpmnModelElementInstance()))).orElse(null);
        String name = title != null ? title : task.getName();
        // a request's business key is its reference
        Object reference = task.getProcessDefinitionId().startsWith(RequestProcess.KEY + ":")
                ? task.getExecution().getProcessBusinessKey() : null;
        if (reference != null && name != null) {
            Object party = task.hasVariable(Variables.RECIPIENT) ? task.getVariable(Variables.RECIPIENT)
                    : task.getVariable(Variables.TROIKA_COUNTRY);
            name = name + TaskTitles.SEPARATOR + reference + (party == null ? "" : TaskTitles.SEPARATOR + party);
        }
        if (name != null) {
            task.setName(name.length() > 255 ? name.substring(0, 255) : name);
        }
    }
}
