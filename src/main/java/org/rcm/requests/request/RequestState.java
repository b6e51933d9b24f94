package org.rcm.requests.request;

/** Where a request is in its lifecycle, as the registry shows it. */
public enum RequestState {
    DRAFTING, IN_APPROVAL, AWAITING_REPLY, CLOSED, REJECTED
}
