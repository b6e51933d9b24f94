package org.rcm.requests.mail.inbound;

import java.util.List;

/** A delivery failure report: the failing addresses, the status, and whether the failure is permanent. */
public record BounceReport(List<String> addresses, String status, boolean permanent, String reason) {
}
