package org.rcm.requests.mail.inbound;

/** One per-recipient block of an RFC 3464 delivery-status report (fields lower-cased where they are keywords). */
record DsnRecipient(String address, String action, String status, String diagnostic) {

    boolean delivered() {
        return action != null && (action.equals("delivered") || action.equals("relayed") || action.equals("expanded"))
                || action == null && status != null && status.startsWith("2.");
    }
}
