package org.rcm.requests.mail.inbound;

/**
 * The request and recipient an inbound message belongs to, and the rule that found it.
 *
 * @param rule {@code reply-address} (the signed Reply-To), {@code return-path} (the signed envelope sender),
 *             {@code in-reply-to} (a signed Message-ID), {@code subject-tag}, {@code reply-link}, {@code triage}; and
 *             for suggestions only {@code failing-address} and {@code sender-organization}
 */
public record Match(String reference, String recipient, String rule) {
}
