package org.rcm.requests.request;

/** A file that goes out with the request email. */
public record Attachment(String filename, String contentType, byte[] content) {
}
