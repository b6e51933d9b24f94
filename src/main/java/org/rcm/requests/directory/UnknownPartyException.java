package org.rcm.requests.directory;

import java.util.List;

/** A code that names no organization or country of the directory. */
public class UnknownPartyException extends IllegalArgumentException {

    private final List<String> codes;

    public UnknownPartyException(List<String> codes) {
        super("Unknown directory code(s): " + String.join(", ", codes));
        this.codes = List.copyOf(codes);
    }

    public List<String> codes() {
        return codes;
    }
}
