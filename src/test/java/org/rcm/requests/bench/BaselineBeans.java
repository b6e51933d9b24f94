package org.rcm.requests.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the bare engine runs in place of the application's beans when it runs the product's own model
 * ({@code processes/InteragencyRequest.bpmn}): listeners and delegates that do nothing, and the few answers the model
 * routes by — the Troika countries, the recipients and their due date, timers in calendar days, and the outcome
 * table's inputs counted in memory (where the product counts the registry's decisions).
 */
final class BaselineBeans {

    private BaselineBeans() {
    }

    /**
     * @param sent called with the business key and recipient when the request email would go out
     */
    static Map<Object, Object> of(BiConsumer<String, String> sent) {
        ExecutionListener nothing = execution -> { };
        TaskListener noTask = task -> { };
        JavaDelegate noMail = execution -> { };
        Map<String, List<String>> decisions = new ConcurrentHashMap<>();
        Map<Object, Object> beans = new HashMap<>();
        beans.put("requestStartListener", nothing);
        for (String listener : List.of("draftCompletedListener", "replyAnswerListener", "reviewCompletedListener",
                "contactCorrectedListener", "followUpCompletedListener")) {
            beans.put(listener, noTask);
        }
        beans.put("approvalCompletedListener", (TaskListener) task -> decisions.computeIfAbsent(
                task.getExecution().getProcessBusinessKey(), key -> new ArrayList<>())
                .add(String.valueOf(task.getVariable("decision"))));
        for (String delegate : List.of("sendApprovalReminderDelegate", "recordSilenceDelegate",
                "sendReminderMailDelegate", "sendClarificationMailDelegate", "sendEscalationMailDelegate")) {
            beans.put(delegate, noMail);
        }
        beans.put("sendRequestMailDelegate", (JavaDelegate) execution -> sent.accept(execution.getBusinessKey(),
                (String) execution.getVariable("recipient")));
        beans.put("requestStates", new States());
        beans.put("requestRoute", new Route());
        beans.put("replyDueDates", new DueDates());
        beans.put("workingDays", new CalendarDays());
        beans.put("troikaRound", new Round(decisions));
        return beans;
    }

    /** The registry's states: nothing to record. */
    public static final class States {

        public void request(DelegateExecution execution, String state) {
        }

        public void recipient(DelegateExecution execution, String state) {
        }

        public void rejected(DelegateExecution execution) {
        }

        public void closed(DelegateExecution execution) {
        }
    }

    /** The request's route, from its start variables. */
    public static final class Route {

        @SuppressWarnings("unchecked")
        public List<String> recipients(DelegateExecution execution) {
            return (List<String>) execution.getVariable("recipientList");
        }

        public String replyDue(DelegateExecution execution, String recipient) {
            return (String) execution.getVariable("replyDue");
        }

        public List<String> troikaCountries() {
            return List.of("HN", "MX", "SV");
        }
    }

    /** Due dates in working days are the product's: a due date stays as given. */
    public static final class DueDates {

        public void countFromToday(DelegateExecution execution) {
        }
    }

    /** Timers in calendar days (the engine has no working-day calendar). */
    public static final class CalendarDays {

        public String endOfDay(String day, String code) {
            return day + "T23:59:59";
        }

        public String duration(String duration, String code) {
            return duration;
        }

        public String cycle(String cycle, String code) {
            return cycle;
        }
    }

    /** The outcome table's inputs, as transient variables of the deciding step, like the product's. */
    public static final class Round {

        private final Map<String, List<String>> decisions;

        Round(Map<String, List<String>> decisions) {
            this.decisions = decisions;
        }

        public void count(DelegateExecution execution) {
            List<String> round = decisions.getOrDefault(execution.getProcessBusinessKey(), List.of());
            execution.setVariableLocal("approvals", count(round, "approve"));
            execution.setVariableLocal("changeRequests", count(round, "changes"));
            execution.setVariableLocal("rejections", count(round, "reject"));
            execution.setVariableLocal("silences", count(round, "silence"));
            execution.setVariableLocal("unanswered", Variables.integerValue(Math.max(0,
                    (Integer) execution.getVariable("nrOfInstances") - round.size()), true));
        }

        private static Object count(List<String> round, String decision) {
            return Variables.integerValue((int) round.stream().filter(decision::equals).count(), true);
        }
    }
}
