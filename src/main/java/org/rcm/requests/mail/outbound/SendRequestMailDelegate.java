package org.rcm.requests.mail.outbound;

import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Component;

/** Sends the request to one recipient; the recipient then awaits a reply. */
@Component("sendRequestMailDelegate")
class SendRequestMailDelegate extends RecipientMailDelegate {

    private final RequestRegistry registry;

    SendRequestMailDelegate(OutboundMailService mail, RequestRegistry registry) {
        super(mail, MailKind.REQUEST);
        this.registry = registry;
    }

    @Override
    void afterSending(String reference, String recipient) {
        registry.markSent(reference, recipient);
    }
}
