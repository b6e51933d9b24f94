package org.rcm.requests.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestVariables;
import org.springframework.stereotype.Component;

/**
 * What the history keeps of a request, at level full. The registry is the record of a request, and most variables are
 * display copies for the forms; only the decisions users and the inbox make (the completion fields, the correlation
 * key, a bounce's reason, a delivered reply) are read back from the engine's history, by the request's timeline.
 * Their every change is kept; the display copies leave no history at all (neither changes nor last values), which
 * spares each request dozens of history writes. The
 * job log keeps a request's failed and deleted jobs, not a row for the creation and one for the success of each
 * asynchronous step and timer, which the activity history shows already (a batch's jobs, such as a migration's, keep
 * every row: its progress is counted from them). Everything else the history records (activities, tasks, who did
 * what, variables' last values) stays. The engine's own handler is subclassed here, through the hooks it offers.
 */
@Component
class AuditHistoryPlugin extends AbstractProcessEnginePlugin {

    /** The variables whose every change the history keeps. */
    static final Set<String> AUDITED = Set.of(Variables.DECISION, Variables.COMMENT, Variables.ACTION,
            Variables.NEW_DUE_DATE, Variables.OUTCOME, Variables.CLARIFICATION, Variables.CONTACT_ACTION,
            Variables.CORRECTED_EMAIL, Variables.CORRELATION_KEY, Variables.BOUNCE_REASON,
            Variables.REPLY_CORRESPONDENCE_ID, Variables.REFERENCE, Variables.RECIPIENT);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new AuditedDetailsHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static class AuditedDetailsHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job && job.getProcessInstanceId() != null
                    && (job.isCreationLog() || job.isSuccessLog())) {
                return;
            }
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && RequestVariables.DISPLAY_COPIES.contains(variable.getVariableName())) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity update) {
            return AUDITED.contains(update.getVariableName()) && super.shouldWriteHistoricDetail(update);
        }
    }
}
