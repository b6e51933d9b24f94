package org.rcm.requests.mail.inbound;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.rcm.requests.mail.MailProperties;
import org.springframework.stereotype.Service;

/** Takes in answers given through the reply link, as if they had come by email from the recipient. */
@Service
public class ReplyIntake {

    private final InboundMailService inbound;
    private final Directory directory;
    private final MailProperties mail;
    private final Clock clock;

    ReplyIntake(InboundMailService inbound, Directory directory, MailProperties mail, Clock clock) {
        this.inbound = inbound;
        this.directory = directory;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * A recipient's answer through the reply link: stored in the correspondence log, then delivered to the
     * recipient's waiting instance, or to triage when the request no longer waits for it.
     *
     * @return the id of the stored message in the correspondence log
     */
    public long receiveLinkReply(String reference, String recipient, String text, List<ReceivedAttachment> attachments) {
        String messageId = "<link." + UUID.randomUUID() + "@" + mail.domain() + ">";
        String from = directory.find(recipient).map(Party::email).orElse(recipient);
        ParsedMessage answer = new ParsedMessage(messageId, null, List.of(), from, null, List.of(mail.secretariatAddress()),
                "[" + reference + "] " + recipient, clock.instant(), text, text, List.copyOf(attachments),
                Classification.HUMAN_REPLY, null, List.of(), List.of(), List.of());
        return inbound.receiveFromLink(reference, recipient, answer);
    }
}
