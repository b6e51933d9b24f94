package org.rcm.requests.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import org.rcm.requests.TestMailServer;

/**
 * The time GreenMail received each request email, by Message-ID, read from the recipients' inboxes. Only messages
 * new since the last look are read, so that waiting for an email stays cheap when thousands are in the inbox.
 */
final class Delivered {

    private final List<String> addresses;
    private final Map<String, Long> lastUid = new HashMap<>();
    private final Map<String, Long> receivedAt = new HashMap<>();

    Delivered(List<String> addresses) {
        this.addresses = addresses;
    }

    /** When the message arrived, or null when it has not. */
    synchronized Long at(String messageId) {
        Long at = receivedAt.get(messageId);
        if (at != null) {
            return at;
        }
        addresses.forEach(this::readNew);
        return receivedAt.get(messageId);
    }

    private void readNew(String address) {
        GreenMailUser user = TestMailServer.MAIL.getUserManager().getUserByEmail(address);
        if (user == null) {
            return;
        }
        try {
            MailFolder inbox = TestMailServer.MAIL.getManagers().getImapHostManager().getInbox(user);
            long last = lastUid.getOrDefault(address, 0L);
            for (long uid : inbox.getMessageUids()) {
                if (uid > last) {
                    StoredMessage message = inbox.getMessage(uid);
                    receivedAt.put(message.getMimeMessage().getMessageID(), message.getReceivedDate().getTime());
                    last = uid;
                }
            }
            lastUid.put(address, last);
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
