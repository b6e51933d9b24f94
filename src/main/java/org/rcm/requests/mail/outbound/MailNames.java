package org.rcm.requests.mail.outbound;

import java.util.Map;

import org.rcm.requests.directory.Party;

/**
 * The parties' names as the emails' sentences need them, in the language of the email (the arguments of
 * {@code i18n/mail_*.properties}): with their articles, and after "a"/"to" and "de"/"of" with Spanish's contractions.
 */
final class MailNames {

    private MailNames() {
    }

    /**
     * @param recipient the party the email goes to
     * @param about     the party the email is about (the recipient that has not answered, in an escalation), or the
     *                  recipient itself
     */
    static void put(Map<String, Object> model, Party recipient, Party about, String language) {
        boolean english = "en".equals(language);
        model.put("recipientName", recipient.nameWithArticle(language));
        model.put("recipientTo", recipient.after(english ? "to" : "a", language));
        model.put("recipientOf", recipient.after(english ? "of" : "de", language));
        model.put("aboutName", about.nameWithArticle(language));
    }
}
