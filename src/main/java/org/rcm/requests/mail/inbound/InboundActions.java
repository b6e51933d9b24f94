package org.rcm.requests.mail.inbound;

import java.util.List;

/** What an inbound message can set going in the processes; implemented on the engine. */
public interface InboundActions {

    /** Delivers a reply to the recipient's waiting instance; false when that recipient is not waiting for one. */
    boolean replyReceived(Match match, long correspondenceId, String replyText, List<String> attachmentNames);

    /** Tells the recipient's instance that its email bounced; false when it is not waiting. */
    boolean deliveryFailed(Match match, String reason);

    /** Opens a triage task for the Secretariat. */
    void triage(long correspondenceId, String from, String subject, String classification, String replyText,
                String reason, List<Match> suggestions);
}
