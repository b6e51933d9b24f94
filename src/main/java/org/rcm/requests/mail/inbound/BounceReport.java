package org.rcm.requests.mail.inbound;

import java.util.List;

/**
 * What a delivery failure report says.
 *
 * @param addresses the recipients whose delivery failed, lower-cased, in report order
 * @param status    the enhanced status code ({@code 5.1.1}); when the addresses failed with different codes, one code
 *                  per address in the same order, separated by {@code ", "}; inferred from the reason when the report
 *                  carries none; {@code null} when nothing could be inferred
 * @param permanent a hard bounce (the address will not work): true only when every listed address failed permanently;
 *                  a full mailbox or an expired retry is soft, even with a 5.x.x code
 * @param reason    a short human-readable cause, such as the Diagnostic-Code or the remote server's reply
 */
public record BounceReport(List<String> addresses, String status, boolean permanent, String reason) {

    public BounceReport {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
