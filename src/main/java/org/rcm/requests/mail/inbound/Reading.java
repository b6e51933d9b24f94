package org.rcm.requests.mail.inbound;

import java.util.List;

/**
 * What the product makes of an inbound message before acting on it: its classification ({@code HUMAN_REPLY},
 * {@code AUTO_REPLY}, {@code BOUNCE}, {@code READ_RECEIPT} or {@code UNRELATED}), the request it belongs to if any,
 * why it cannot be taken as an answer (or a receipt) if so, and the likeliest requests for triage.
 */
public record Reading(String classification, Match match, String problem, List<Match> suggestions) {

    public static final String UNRELATED = "UNRELATED";

    /** A reply that can be delivered to its recipient's waiting instance without asking anyone. */
    public boolean answersARequest() {
        return Classification.HUMAN_REPLY.name().equals(classification) && match != null && problem == null;
    }
}
