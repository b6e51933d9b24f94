package org.rcm.requests.mail.inbound;

import java.time.Instant;
import java.util.List;

/**
 * One inbound message as {@link MessageParser} read it. Lists are never null; absent headers are null.
 *
 * @param messageId          Message-ID with its angle brackets ({@code <abc@x>})
 * @param inReplyTo          In-Reply-To, first id, with angle brackets
 * @param references         References, every id, with angle brackets
 * @param from               the sender's bare address, lower-cased
 * @param fromName           the sender's display name, decoded
 * @param to                 the To addresses, bare and lower-cased
 * @param subject            the decoded subject
 * @param date               the Date header
 * @param bodyText           the whole readable text (the plain part, or the HTML part turned into plain text)
 * @param replyText          the body without the quoted original and without the signature
 * @param attachments        parts with a filename or marked as attachment
 * @param classification     bounce, automatic answer or a person's answer
 * @param bounce             the failure report; non-null only for {@link Classification#BOUNCE}
 * @param originalMessageIds ids of the message a bounce or automatic answer refers to (from the returned message or
 *                           its headers, and In-Reply-To), for finding which sent message it concerns
 * @param authenticationResults the raw {@code Authentication-Results} values, in order (whoever wrote them)
 * @param addressedTo        every address the message was sent or delivered to, bare and lower-cased: To, Cc and the
 *                           envelope recipients that receiving servers record (Delivered-To, X-Original-To,
 *                           Envelope-To), where a signed reply address or return path shows
 */
public record ParsedMessage(String messageId, String inReplyTo, List<String> references, String from, String fromName,
                            List<String> to, String subject, Instant date, String bodyText, String replyText,
                            List<ReceivedAttachment> attachments, Classification classification, BounceReport bounce,
                            List<String> originalMessageIds, List<String> authenticationResults,
                            List<String> addressedTo) {

    public ParsedMessage {
        references = references == null ? List.of() : List.copyOf(references);
        to = to == null ? List.of() : List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        originalMessageIds = originalMessageIds == null ? List.of() : List.copyOf(originalMessageIds);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(authenticationResults);
        addressedTo = addressedTo == null ? List.of() : List.copyOf(addressedTo);
    }
}
