package org.rcm.requests;

import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * Raw emails as recipients' mail servers send them to the Secretariat (a reply quoting the request, a bounce, a read
 * receipt), and what a recipient reads of ours.
 */
public final class TestMails {

    private TestMails() {
    }

    /**
     * A focal point's reply to the request email whose Message-ID is {@code original} (see
     * {@link RequestJourney#messageId}), quoting it (the quote is cut on intake).
     */
    public static String reply(String original, String reference, String from, String text) {
        return "From: Focal point <" + from + ">\r\n"
                + "To: secretaria@crm.example.org\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.org>\r\n"
                + "In-Reply-To: " + original + "\r\n"
                + "References: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Solicitud\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text.replace("\n", "\r\n") + "\r\n\r\n"
                + "El lun, 1 dic 2026 a las 10:00, Secretaría Técnica <secretaria@crm.example.org> escribió:\r\n"
                + "> Solicitamos la información indicada.\r\n";
    }

    /** The plain-text part of an email as its recipient reads it (line ends {@code \n}), or null without one. */
    public static String plainText(Part message) throws Exception {
        if (message.isMimeType("text/plain") && message.getFileName() == null) {
            return ((String) message.getContent()).replace("\r\n", "\n");
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /**
     * A read receipt (RFC 8098) as {@code from}'s mail program sends it when the email {@code originalMessageId} is
     * displayed: a report whose machine-readable part names that email.
     */
    public static String readReceipt(String messageId, String from, String originalMessageId, String subject) {
        return "From: Focal point <" + from + ">\r\n"
                + "To: " + TestMailServer.SECRETARIAT + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Subject: Read: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"mdn\"\r\n\r\n"
                + "--mdn\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nYour message was read.\r\n"
                + "--mdn\r\nContent-Type: message/disposition-notification\r\n\r\n"
                + "Reporting-UA: mail.example.org; Microsoft Exchange Server\r\n"
                + "Final-Recipient: rfc822; " + from + "\r\n"
                + "Original-Message-ID: " + originalMessageId + "\r\n"
                + "Disposition: manual-action/MDN-sent-manually; displayed\r\n\r\n"
                + "--mdn--\r\n";
    }

    /** A delivery status notification (RFC 3464): the request email to {@code failed} bounced, permanently. */
    public static String bounce(String failed, String originalMessageId) {
        return bounceTo(TestMailServer.SECRETARIAT, failed, originalMessageId);
    }

    /** The same report, sent to {@code returnPath}: a mail server sends it to the envelope sender of the message. */
    public static String bounceTo(String returnPath, String failed, String originalMessageId) {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n"
                + "To: " + returnPath + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mx.example.org>\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could "
                + "not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <" + failed + ">: Recipient address rejected: User unknown\r\n\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: secretaria@crm.example.org\r\nTo: " + failed + "\r\nMessage-ID: " + originalMessageId
                + "\r\nSubject: [CRM] Solicitud\r\n\r\n--b1--\r\n";
    }
}
