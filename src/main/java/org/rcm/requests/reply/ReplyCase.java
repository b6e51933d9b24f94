package org.rcm.requests.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rcm.requests.directory.Party;

/**
 * What the reply page shows to the holder of a valid link.
 *
 * @param nameEs          the recipient's name in Spanish (the directory's), {@code nameEn} in English
 * @param language        the page's language: the contact's, else the request's, else Spanish
 * @param requestLanguage the language of the request's text shown: the page's if the request has one in it
 * @param replyDue        the recipient's due date (it moves when the Secretariat extends it)
 * @param closed          the request no longer waits for answers; a message still reaches the Secretariat
 * @param received        when earlier answers of this recipient arrived, oldest first
 * @param acceptsUntil    when the link stops taking answers, since the recipient was closed or the request ended;
 *                        null while neither happened
 * @param party           the recipient in the directory, or null
 */
record ReplyCase(String reference, String recipient, String nameEs, String nameEn, String language,
                 String requestLanguage, String subject, String body, LocalDate replyDue, boolean closed,
                 List<Instant> received, Instant acceptsUntil, Party party) {

    /** The recipient's name in {@code lang}, as the directory writes it. */
    String recipientName(String lang) {
        String name = "en".equals(lang) ? nameEn : nameEs;
        return name == null || name.isBlank() ? recipient : name;
    }

    /** "from"/"de" and the recipient's name with its article, as a sentence says it: "del Comité…", "de México". */
    String fromRecipient(String lang) {
        String from = "en".equals(lang) ? "from" : "de";
        return party == null ? from + " " + recipient : party.after(from, lang);
    }

    /** Whether the link has stopped taking answers at {@code now}. */
    boolean stoppedAt(Instant now) {
        return acceptsUntil != null && !now.isBefore(acceptsUntil);
    }
}
