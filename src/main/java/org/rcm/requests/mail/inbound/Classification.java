package org.rcm.requests.mail.inbound;

/**
 * What an inbound message is, decided in this order: a bounce, else a read receipt, else an automatic answer, else a
 * person's answer.
 */
public enum Classification {
    /** Written by a person (or at least not recognisably by a machine): it may advance a waiting request. */
    HUMAN_REPLY,
    /** Out-of-office, vacation notices, delivery notifications and other machine answers: logged, never an answer. */
    AUTO_REPLY,
    /** A delivery failure report; see {@link ParsedMessage#bounce()}. */
    BOUNCE,
    /**
     * A read receipt: a disposition notification (RFC 8098) saying that the message was displayed, processed or
     * dispatched. When it verifies, it acknowledges the receipt of its request; it is never an answer.
     */
    READ_RECEIPT
}
