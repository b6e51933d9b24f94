package org.rcm.requests.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Checks the follow-up decision of an overdue recipient. Every action but {@code close} sets a new due date,
 * which the recipient's overdue timer then waits for.
 */
@Component("followUpCompletedListener")
class FollowUpCompletedListener implements TaskListener {

    private static final Set<String> ACTIONS = Set.of("extend", "remind", "escalate", "close");

    private final RequestRegistry registry;
    private final Clock clock;

    FollowUpCompletedListener(RequestRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable(Variables.ACTION);
        if (action == null || !ACTIONS.contains(action.toString())) {
            throw new IllegalArgumentException("action: elija extend, remind, escalate o close / choose extend, "
                    + "remind, escalate or close (was '" + action + "')");
        }
        if ("close".equals(action)) {
            return;
        }
        LocalDate due = newDueDate(task.getVariable(Variables.NEW_DUE_DATE));
        task.getExecution().setVariable(Variables.RECIPIENT_DUE, due.toString());
        registry.setRecipientDue(task.getExecution().getProcessBusinessKey(),
                (String) task.getVariable(Variables.RECIPIENT), due);
    }

    private LocalDate newDueDate(Object value) {
        String text = value == null ? "" : value.toString().trim();
        try {
            LocalDate due = RequestDates.parse(text);
            if (!due.isAfter(LocalDate.now(clock))) {
                throw new IllegalArgumentException("newDueDate: la nueva fecha límite debe ser posterior a hoy / "
                        + "the new due date must be after today (was " + due + ")");
            }
            return due;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("newDueDate: indique una nueva fecha límite AAAA-MM-DD / "
                    + "give a new due date YYYY-MM-DD (was '" + text + "')");
        }
    }
}
