package org.rcm.requests.mail.outbound;

/** The personal links with which a recipient answers a request, or confirms its receipt, without an account. */
public interface ReplyLinks {

    String linkFor(String reference, String recipient);

    /** The page where the recipient confirms that the request reached it. */
    String receiptLinkFor(String reference, String recipient);
}
