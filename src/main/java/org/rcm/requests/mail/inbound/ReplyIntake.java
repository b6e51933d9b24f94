package org.rcm.requests.mail.inbound;

import java.util.List;

import org.springframework.stereotype.Service;

/** Takes replies in: from the mailbox and from the reply link. */
@Service
public class ReplyIntake {

    /**
     * A recipient's answer through the reply link: stored in the correspondence log, then delivered to the
     * recipient's waiting instance, or to triage when the request no longer waits for it.
     *
     * @return the id of the stored message in the correspondence log
     */
    public long receiveLinkReply(String reference, String recipient, String text, List<ReceivedAttachment> attachments) {
        throw new UnsupportedOperationException("being written");
    }
}
