package org.rcm.requests.request;

import java.util.Set;

/**
 * The names the {@code InteragencyRequest} model and the Java code share. A renamed id or variable
 * must be renamed here too, so that the build breaks instead of a running request.
 */
public final class RequestProcess {

    public static final String KEY = "InteragencyRequest";
    public static final String MESSAGE_REPLY_RECEIVED = "Msg_ReplyReceived";
    public static final String MESSAGE_DELIVERY_FAILED = "Msg_DeliveryFailed";

    private RequestProcess() {
    }

    /**
     * The element ids the application looks up at run time (task queries, correlations, listeners): a model of
     * {@link #KEY} without one of them is refused at deployment.
     */
    public static final Set<String> REQUIRED_ELEMENTS = Set.of(Elements.DRAFT_REQUEST, Elements.APPROVE_REQUEST,
            Elements.RECORD_SILENCE, Elements.AWAIT_REPLY, Elements.FOLLOW_UP, Elements.REVIEW_REPLY,
            Elements.DELIVERY_FAILED, Elements.CORRECT_CONTACT);
    /** The message names the inbox correlates: a model of {@link #KEY} without one of them is refused. */
    public static final Set<String> REQUIRED_MESSAGES = Set.of(MESSAGE_REPLY_RECEIVED, MESSAGE_DELIVERY_FAILED);

    public static String correlationKey(String reference, String recipient) {
        return reference + "/" + recipient;
    }

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_RequestStarted";
        public static final String DRAFT_REQUEST = "Task_DraftRequest";
        public static final String DECIDE_APPROVAL = "Task_DecideApprovalRequired";
        public static final String DECIDE_TROIKA_OUTCOME = "Task_DecideTroikaOutcome";
        public static final String APPROVE_REQUEST = "Task_ApproveRequest";
        public static final String SEND_APPROVAL_REMINDER = "Task_SendApprovalReminder";
        public static final String RECORD_SILENCE = "Task_RecordSilence";
        public static final String SEND_REQUEST_MAIL = "Task_SendRequestMail";
        public static final String AWAIT_REPLY = "Task_AwaitReply";
        /** The due date of a recipient's reply passed: the follow-up begins. */
        public static final String REPLY_OVERDUE = "BoundaryEvent_ReplyOverdue";
        public static final String SEND_REMINDER_MAIL = "Task_SendReminderMail";
        public static final String FOLLOW_UP = "Task_FollowUp";
        public static final String SEND_FOLLOW_UP_REMINDER = "Task_SendFollowUpReminderMail";
        public static final String SEND_ESCALATION_MAIL = "Task_SendEscalationMail";
        public static final String REVIEW_REPLY = "Task_ReviewReply";
        public static final String SEND_CLARIFICATION_MAIL = "Task_SendClarificationMail";
        public static final String DELIVERY_FAILED = "BoundaryEvent_DeliveryFailed";
        public static final String CORRECT_CONTACT = "Task_CorrectContact";
        public static final String RESEND_REQUEST_MAIL = "Task_ResendRequestMail";
        public static final String END_RECIPIENT_UNDELIVERABLE = "EndEvent_RecipientUndeliverable";
        public static final String END_REJECTED = "EndEvent_RequestRejected";
        public static final String END_CLOSED = "EndEvent_RequestClosed";
        public static final String END_RECIPIENT_ANSWERED = "EndEvent_RecipientAnswered";
        public static final String END_RECIPIENT_CLOSED = "EndEvent_RecipientClosed";

        private Elements() {
        }
    }

    /** Process variables. */
    public static final class Variables {
        public static final String REFERENCE = "reference";
        public static final String SUBJECT = "subject";
        public static final String BODY = "body";
        public static final String RECIPIENTS = "recipients";
        public static final String RECIPIENT_LIST = "recipientList";
        public static final String REPLY_DUE = "replyDue";
        /** The due date in working days, instead of {@link #REPLY_DUE} (which the forms then leave empty). */
        public static final String REPLY_DUE_WORKING_DAYS = "replyDueWorkingDays";
        public static final String KIND = "kind";
        public static final String LANGUAGE = "language";
        /** The start and draft forms' "ask for an acknowledgement of receipt". */
        public static final String ACKNOWLEDGEMENT = "acknowledgement";
        /** What the request is about (a code), or null; focal points are named per country and topic. */
        public static final String TOPIC = "topic";
        /**
         * The request in a working language other than its own, as the forms show it: {@code subjectEn} and
         * {@code bodyEn} for a Spanish request, {@code subjectEs} and {@code bodyEs} for an English one.
         */
        public static final String SUBJECT_ES = "subjectEs";
        public static final String BODY_ES = "bodyEs";
        public static final String SUBJECT_EN = "subjectEn";
        public static final String BODY_EN = "bodyEn";
        public static final String RECIPIENT_SCOPE = "recipientScope";
        public static final String TROIKA_COUNTRIES = "troikaCountries";
        /** Per recipient (local to its sub-process instance). */
        public static final String RECIPIENT = "recipient";
        public static final String RECIPIENT_DUE = "recipientDue";
        /** On each waiting reply: {@code <reference>/<recipient code>}, the one attribute replies correlate on. */
        public static final String CORRELATION_KEY = "correlationKey";
        /** Per Troika country (local to its approval instance). */
        public static final String TROIKA_COUNTRY = "troikaCountry";
        /** Completion variables of the user tasks. */
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        public static final String ACTION = "action";
        public static final String NEW_DUE_DATE = "newDueDate";
        public static final String OUTCOME = "outcome";
        public static final String CLARIFICATION = "clarification";
        /** Set when a reply or a delivery failure is correlated. */
        public static final String REPLY_TEXT = "replyText";
        public static final String REPLY_CORRESPONDENCE_ID = "replyCorrespondenceId";
        public static final String REPLY_ATTACHMENTS = "replyAttachments";
        public static final String BOUNCE_REASON = "bounceReason";
        /** Completion variables of Task_CorrectContact. */
        public static final String CONTACT_ACTION = "contactAction";
        public static final String CORRECTED_EMAIL = "correctedEmail";
        /**
         * What the decision table {@code Decision_ApprovalOutcome} made of the Troika's answers so far:
         * {@code approved}, {@code changes-requested}, {@code rejected} or {@code pending}.
         */
        public static final String TROIKA_OUTCOME = "troikaOutcome";
        /** The Troika's decisions so far, as model version 1 reads them. */
        public static final String APPROVAL_REJECTED = "approvalRejected";
        public static final String CHANGES_REQUESTED = "changesRequested";
        public static final String APPROVAL_COMMENTS = "approvalComments";
        /** Input of the Troika approval of model versions 1 and 2: whether silence counts as approval. */
        public static final String SILENCE_IS_CONSENT = "silenceIsConsent";
        public static final String REMINDER_INTERVAL = "reminderInterval";
        public static final String APPROVAL_REQUIRED = "approvalRequired";

        private Variables() {
        }

        /** {@link #SUBJECT_ES} or {@link #SUBJECT_EN}. */
        public static String subjectIn(String language) {
            return "en".equals(language) ? SUBJECT_EN : SUBJECT_ES;
        }

        /** {@link #BODY_ES} or {@link #BODY_EN}. */
        public static String bodyIn(String language) {
            return "en".equals(language) ? BODY_EN : BODY_ES;
        }
    }
}
