package org.rcm.requests.mail.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.rcm.requests.request.BodyPreview;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link InboundActions} on the engine: a message goes only to the waiting instance of its own recipient, found by
 * the {@code correlationKey} the model keeps on it.
 * <p>
 * These are system actions: the mail reader and the reply page call them with no engine user; a triage decision
 * calls them from inside the officer's task completion, where the engine would check the officer's authorizations on
 * another process instance. Inside a command they therefore run with authorization checks disabled.
 */
@Component
class CamundaInboundActions implements InboundActions {

    static final String TRIAGE_PROCESS = "MessageTriage";
    /** The engine keeps text variables up to 4,000 characters; a longer reply is shown cut, whole in the original. */
    static final int VARIABLE_TEXT = 3_900;

    private final RuntimeService runtime;

    CamundaInboundActions(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean replyReceived(Match match, long correspondenceId, String replyText, List<String> attachmentNames) {
        return correlate(RequestProcess.MESSAGE_REPLY_RECEIVED, match, Map.of(Variables.REPLY_TEXT,
                BodyPreview.of(match.reference(), replyText == null ? "" : replyText),
                Variables.REPLY_CORRESPONDENCE_ID, correspondenceId,
                Variables.REPLY_ATTACHMENTS, fit(String.join("\n", attachmentNames))));
    }

    @Override
    public boolean deliveryFailed(Match match, String reason) {
        return correlate(RequestProcess.MESSAGE_DELIVERY_FAILED, match, Map.of(Variables.BOUNCE_REASON, fit(reason)));
    }

    /**
     * Correlates to the recipient's waiting instance, if there is one. "All" (there is at most one) because it answers
     * "none" with an empty list rather than an exception, which would mark the caller's transaction rollback-only.
     */
    private boolean correlate(String message, Match match, Map<String, Object> variables) {
        return !asSystem(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(match.reference())
                .localVariableEquals(Variables.CORRELATION_KEY,
                        RequestProcess.correlationKey(match.reference(), match.recipient()))
                .setVariables(variables).correlateAllWithResult()).isEmpty();
    }

    /** Runs {@code action} without authorization checks when inside an engine command (a listener). */
    static <T> T asSystem(java.util.function.Supplier<T> action) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return action.get();
        }
        boolean enabled = command.isAuthorizationCheckEnabled();
        command.disableAuthorizationCheck();
        try {
            return action.get();
        } finally {
            if (enabled) {
                command.enableAuthorizationCheck();
            }
        }
    }

    static String fit(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= VARIABLE_TEXT ? text : text.substring(0, VARIABLE_TEXT)
                + "\n[…] texto completo en el original / full text in the original";
    }

    @Override
    public void triage(long correspondenceId, String from, String subject, String classification, String replyText,
                       String reason, List<Match> suggestions) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("correspondenceId", correspondenceId);
        variables.put("from", fit(from));
        variables.put("subject", fit(subject));
        variables.put("classification", classification);
        variables.put(Variables.REPLY_TEXT, fit(replyText));
        variables.put("triageReason", fit(reason));
        variables.put("suggestions", suggestions.stream().map(s -> s.reference() + " / " + s.recipient() + " ("
                + s.rule() + ")").collect(Collectors.joining("\n")));
        if (!suggestions.isEmpty()) {
            variables.put(Variables.REFERENCE, suggestions.get(0).reference());
            variables.put(Variables.RECIPIENT, suggestions.get(0).recipient());
        }
        asSystem(() -> runtime.startProcessInstanceByKey(TRIAGE_PROCESS, "triage-" + correspondenceId, variables));
    }
}
