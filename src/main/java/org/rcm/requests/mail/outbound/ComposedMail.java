package org.rcm.requests.mail.outbound;

/** A message's texts in one language: what the recipient reads. */
public record ComposedMail(String subject, String text, String html) {
}
