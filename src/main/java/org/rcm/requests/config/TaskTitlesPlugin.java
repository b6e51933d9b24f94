package org.rcm.requests.config;

import java.util.ArrayList;

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
import org.springframework.stereotype.Component;

/**
 * Names every user task after its request, so that Tasklist's list says which one it is:
 * "Approve request · CRM-2026-0007 · MX". The diagrams keep their plain labels; owners cannot break this by editing.
 * Triage tasks keep theirs: the request they name is only a guess.
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

    static void title(DelegateTask task) {
        Object reference = task.getVariable(Variables.REFERENCE);
        if (reference == null || task.getName() == null
                || !task.getProcessDefinitionId().startsWith(RequestProcess.KEY + ":")) {
            return;
        }
        Object party = task.hasVariable(Variables.RECIPIENT) ? task.getVariable(Variables.RECIPIENT)
                : task.getVariable(Variables.TROIKA_COUNTRY);
        String title = task.getName() + " · " + reference + (party == null ? "" : " · " + party);
        task.setName(title.length() > 255 ? title.substring(0, 255) : title);
    }
}
