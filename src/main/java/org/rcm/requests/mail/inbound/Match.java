package org.rcm.requests.mail.inbound;

/**
 * The request and recipient an inbound message belongs to, and the rule that found it.
 *
 * @param rule {@code per-request-address}, {@code in-reply-to}, {@code subject-tag}, {@code failing-address} or
 *             {@code reply-link}
 */
public record Match(String reference, String recipient, String rule) {
}
