package org.rcm.requests.mail.outbound;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;

/** Each mail delegate reads the process variables it needs and asks for one kind of message. */
class MailDelegatesTest {

    private final OutboundMailService mail = mock(OutboundMailService.class);
    private final RequestRegistry registry = mock(RequestRegistry.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    MailDelegatesTest() {
        when(execution.getProcessBusinessKey()).thenReturn("CRM-2026-0007");
        when(execution.getVariable(Variables.RECIPIENT)).thenReturn("IOM");
        when(execution.getVariable(Variables.TROIKA_COUNTRY)).thenReturn("MX");
        when(execution.getVariable(Variables.CLARIFICATION)).thenReturn("¿Incluye 2015?");
    }

    @Test
    void requestMailGoesToTheRecipientWhoThenAwaitsAReply() {
        new SendRequestMailDelegate(mail, registry).execute(execution);

        verify(mail).send("CRM-2026-0007", "IOM", MailKind.REQUEST, null, null);
        verify(registry).markSent("CRM-2026-0007", "IOM");
    }

    @Test
    void reminderGoesToTheRecipient() {
        new SendReminderMailDelegate(mail).execute(execution);

        verify(mail).send("CRM-2026-0007", "IOM", MailKind.REMINDER, null, null);
        verifyNoMoreInteractions(mail);
    }

    @Test
    void clarificationCarriesTheReviewersQuestion() {
        new SendClarificationMailDelegate(mail).execute(execution);

        verify(mail).send("CRM-2026-0007", "IOM", MailKind.CLARIFICATION, null, "¿Incluye 2015?");
    }

    @Test
    void escalationGoesToTheTroikaCountryOfItsInstanceAboutTheRecipient() {
        new SendEscalationMailDelegate(mail).execute(execution);

        verify(mail).send("CRM-2026-0007", "MX", MailKind.ESCALATION, "IOM", null);
        verifyNoMoreInteractions(mail);
    }

    @Test
    void approvalReminderGoesToTheTroikaCountryOfTheTask() {
        new SendApprovalReminderDelegate(mail).execute(execution);

        verify(mail).send("CRM-2026-0007", "MX", MailKind.APPROVAL_REMINDER, null, null);
    }
}
