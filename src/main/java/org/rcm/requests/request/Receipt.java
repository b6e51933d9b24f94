package org.rcm.requests.request;

/** How a recipient acknowledged the receipt of a request: never a reply, only that the request reached someone. */
public enum Receipt {
    /** The "confirm receipt" button of the page the request email links to. */
    LINK,
    /** A read receipt (a disposition notification, RFC 8098) from the recipient's mail program. */
    READ_RECEIPT
}
