package org.rcm.requests.mail.outbound;

/** The personal link with which a recipient answers a request without an account. */
public interface ReplyLinks {

    String linkFor(String reference, String recipient);
}
