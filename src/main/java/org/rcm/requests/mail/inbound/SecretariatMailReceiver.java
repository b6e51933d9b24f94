package org.rcm.requests.mail.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.mail.ImapMailReceiver;

/**
 * The Secretariat mailbox, opened read-write so that a message can be flagged seen once it is stored. The receiver
 * hands over copies; it remembers the mailbox's own message of each copy by Message-ID, so that flagging it costs one
 * IMAP command rather than a search of the whole mailbox (which grows with every reply ever received) and then one.
 */
class SecretariatMailReceiver extends ImapMailReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SecretariatMailReceiver.class);

    /** Far more than one batch; past it the oldest are forgotten and found by search if they are ever flagged. */
    private static final int REMEMBERED = 1_000;

    private final Map<String, Message> fetched = new ConcurrentHashMap<>();

    private final String archive;
    private final ImapHealthIndicator mailbox;
    private volatile boolean moveUnsupported;

    /**
     * @param archive the folder a stored message is moved to; blank: it stays in the inbox, flagged seen
     * @param mailbox told of every fetch and every failure to reach the mailbox (which it logs once, not each retry)
     */
    SecretariatMailReceiver(String url, String archive, ImapHealthIndicator mailbox) {
        super(url);
        this.archive = archive == null ? "" : archive;
        this.mailbox = mailbox;
    }

    @Override
    public void waitForNewMessages() throws MessagingException {
        try {
            super.waitForNewMessages();
        } catch (MessagingException | RuntimeException e) {
            mailbox.status().failed(e);
            throw e;
        }
    }

    @Override
    public Object[] receive() throws MessagingException {
        try {
            Object[] messages = super.receive();
            mailbox.fetched();
            return messages;
        } catch (MessagingException | RuntimeException e) {
            mailbox.status().failed(e);
            throw e;
        }
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
     * Moves the mailbox's message of {@code copy} to the archive folder, where it is kept: the inbox holds only what is
     * still to be read, so that finding the unseen messages does not grow with every reply ever received. Without an
     * archive folder (or where the server cannot MOVE) the message stays in the inbox, flagged seen; a moved message
     * is not flagged first, which would be one more command per message. One without Message-ID stays unseen in the
     * inbox, and is recognised by its content when fetched again.
     */
    void markSeen(MimeMessage copy) throws MessagingException {
        Folder folder = copy.getFolder();
        String messageId = copy.getMessageID();
        if (folder == null || !folder.isOpen() || messageId == null) {
            return;
        }
        Message original = fetched.remove(messageId);
        Message[] stored = original != null && original.getFolder() == folder && !original.isExpunged()
                ? new Message[] {original} : folder.search(new MessageIDTerm(messageId));
        if (!archived(folder, stored)) {
            for (Message message : stored) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
        }
    }

    /** Whether the messages were moved to the archive folder. */
    private boolean archived(Folder folder, Message[] stored) throws MessagingException {
        if (archive.isBlank() || moveUnsupported || stored.length == 0 || !(folder instanceof IMAPFolder inbox)) {
            return false;
        }
        if (!(inbox.getStore() instanceof IMAPStore store) || !store.hasCapability("MOVE")) {
            moveUnsupported = true;
            LOG.warn("The mail server cannot MOVE: stored messages stay in {}, flagged seen", folder.getFullName());
            return false;
        }
        Folder target = folder.getStore().getFolder(archive);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        inbox.moveMessages(stored, target);
        return true;
    }
}
