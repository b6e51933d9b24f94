package org.rcm.requests.mail.inbound;

/** Placeholder until the parser lands in this tree. */
public final class MessageParser {

    public ParsedMessage parse(byte[] rawRfc822) {
        throw new UnsupportedOperationException("parser not yet merged");
    }
}
