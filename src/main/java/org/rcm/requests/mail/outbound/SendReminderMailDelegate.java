package org.rcm.requests.mail.outbound;

import org.springframework.stereotype.Component;

/** Reminds a recipient that the request awaits a reply (on the reminder timer, or when an officer asks). */
@Component("sendReminderMailDelegate")
class SendReminderMailDelegate extends RecipientMailDelegate {

    SendReminderMailDelegate(OutboundMailService mail) {
        super(mail, MailKind.REMINDER);
    }
}
