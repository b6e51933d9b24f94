package org.rcm.requests.request;

import java.util.Map;

/** Starts the request process; implemented on the engine, so that the service stays free of it. */
public interface RequestWorkflow {

    /** Starts an {@code InteragencyRequest} with the reference as business key; returns the process instance id. */
    String start(String reference, Map<String, Object> variables);
}
