package org.rcm.requests.mail.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;

import org.springframework.integration.mail.ImapMailReceiver;

/**
 * The Secretariat mailbox, opened read-write so that a message can be flagged seen once it is stored. The receiver
 * hands over copies; it remembers the mailbox's own message of each copy by Message-ID, so that flagging it costs one
 * IMAP command rather than a search of the whole mailbox (which grows with every reply ever received) and then one.
 */
class SecretariatMailReceiver extends ImapMailReceiver {

    /** Far more than one batch; past it the oldest are forgotten and found by search if they are ever flagged. */
    private static final int REMEMBERED = 1_000;

    private final Map<String, Message> fetched = new ConcurrentHashMap<>();

    SecretariatMailReceiver(String url) {
        super(url);
    }

    /** Read-write, or the \\Seen flag set after storing would not stick. */
    @Override
    protected int getFolderOpenMode() {
        return Folder.READ_WRITE;
    }

    @Override
    protected void fetchMessages(Message[] messages) throws MessagingException {
        super.fetchMessages(messages);
        if (fetched.size() > REMEMBERED) {
            fetched.clear();
        }
        for (Message message : messages) {
            // the envelope was fetched just now for the whole batch: reading the Message-ID asks the server nothing
            String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
            if (messageId != null) {
                fetched.put(messageId, message);
            }
        }
    }

    /**
     * Flags the mailbox's message of {@code copy} seen. One without Message-ID stays unseen, and is recognised by its
     * content when fetched again.
     */
    void markSeen(MimeMessage copy) throws MessagingException {
        Folder folder = copy.getFolder();
        String messageId = copy.getMessageID();
        if (folder == null || !folder.isOpen() || messageId == null) {
            return;
        }
        Message original = fetched.remove(messageId);
        if (original != null && original.getFolder() == folder && !original.isExpunged()) {
            original.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        for (Message found : folder.search(new MessageIDTerm(messageId))) {
            found.setFlag(Flags.Flag.SEEN, true);
        }
    }
}
