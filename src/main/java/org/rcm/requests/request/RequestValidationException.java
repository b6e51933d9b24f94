package org.rcm.requests.request;

import java.util.Map;
import java.util.stream.Collectors;

/** A request that cannot be accepted; names each wrong field with a message for the user. */
public class RequestValidationException extends IllegalArgumentException {

    private final Map<String, String> errors;

    public RequestValidationException(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
