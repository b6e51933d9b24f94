package org.rcm.requests.mail.outbound;

import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.mail.MailSigning;

import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.directory.Party;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a message before it is sent, in a transaction of its own: when the mail server is down and the job rolls
 * back, the log still shows the message as pending, and the retry finds and reuses its Message-ID.
 */
@Component
class PendingMessages {

    private final CorrespondenceLog log;
    private final MailProperties properties;
    private final MailSigning signing;

    PendingMessages(CorrespondenceLog log, MailProperties properties, MailSigning signing) {
        this.log = log;
        this.properties = properties;
        this.signing = signing;
    }

    /** A message recorded and not yet sent: its id in the log (the key of its return path) and its Message-ID. */
    record Pending(long id, String messageId) {
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Pending record(String reference, String to, MailKind kind, Party party, String subject) {
        int sequence = log.countOut(reference, to, kind.name()) + 1;
        String messageId = signing.messageId("%s.%s.%s.%d".formatted(reference, to, kind.key(), sequence));
        long id = log.recordPending(reference, to, kind.name(), messageId, properties.secretariatAddress(),
                party.email(), subject, party.language());
        return new Pending(id, messageId);
    }
}
