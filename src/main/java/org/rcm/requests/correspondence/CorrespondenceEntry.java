package org.rcm.requests.correspondence;

import java.time.Instant;

/** One message of the log, as the API shows it. */
public record CorrespondenceEntry(long id, String reference, String recipient, Direction direction, String kind,
                                  String classification, Status status, String messageId, String inReplyTo,
                                  String from, String to, String subject, String language, Instant createdAt,
                                  Instant sentAt) {

    public enum Direction { OUT, IN }

    /**
     * {@code HELD}: an automatic message over its recipient's daily limit, sent the next day; {@code CANCELLED}: a held
     * one that was no longer needed by then, never sent.
     */
    public enum Status { PENDING, SENT, RECEIVED, HELD, CANCELLED }
}
