package org.rcm.requests.mail.outbound;

/** The messages the product sends; each has its texts in {@code i18n/mail_*.properties}. */
public enum MailKind {
    REQUEST, REMINDER, CLARIFICATION, ESCALATION, APPROVAL_REMINDER;

    /** Whether the recipient answers this message (and so gets a reply link in it). */
    public boolean answerable() {
        return this == REQUEST || this == REMINDER || this == CLARIFICATION;
    }

    /**
     * Whether the product sends it of its own accord (a timer, an officer's "remind" or "escalate"), with texts no
     * person wrote for it: RFC 3834's {@code auto-generated}, and limited per recipient and day. Requests and
     * clarifications are written by the Secretariat.
     */
    public boolean automatic() {
        return this == REMINDER || this == ESCALATION || this == APPROVAL_REMINDER;
    }

    /** The key of its texts: {@code mail.request.subject}, {@code mail.approval-reminder.intro}… */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
