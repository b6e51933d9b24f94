package org.rcm.requests.mail.inbound;

/** A file that came with a reply, by email or through the reply link. */
public record ReceivedAttachment(String filename, String contentType, byte[] content) {
}
