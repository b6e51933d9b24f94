package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.List;

/** What {@link MimeWalker} found in a message's parts, before anything is interpreted. */
final class MailContent {

    enum Kind { PLAIN, HTML }

    /** One readable body part, in message order. */
    record TextChunk(Kind kind, String text) {
    }

    final List<TextChunk> chunks = new ArrayList<>();
    final List<ReceivedAttachment> attachments = new ArrayList<>();
    /** Bodies of message/delivery-status parts (RFC 3464). */
    final List<String> deliveryStatusTexts = new ArrayList<>();
    /** Message-IDs of messages returned inside a report (message/rfc822 or text/rfc822-headers parts). */
    final List<String> returnedMessageIds = new ArrayList<>();
    /**
     * The disposition type of a read receipt's {@code Disposition} field (RFC 8098: {@code displayed},
     * {@code deleted}…), lower-cased, or null.
     */
    String disposition;
    /** The top-level type is multipart/report (a delivery or disposition report). */
    boolean report;
    /** The report-type parameter of a top-level multipart/report, lower-cased ("delivery-status"), or null. */
    String reportType;
    /** A multipart whose structure could not be parsed was read as one text instead. */
    boolean brokenMultipart;

    boolean hasPlain() {
        return chunks.stream().anyMatch(c -> c.kind() == Kind.PLAIN && !c.text().isBlank());
    }
}
