package org.rcm.requests.approval;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real approval classes over a test database, for tests of other packages (the constructors are this
 * package's).
 */
public final class TestApproval {

    private TestApproval() {
    }

    public static ApprovalDecisions decisions(JdbcClient jdbc, Clock clock) {
        return new ApprovalDecisions(jdbc, clock);
    }

    public static ApprovalTally tally(ApprovalDecisions decisions) {
        return new ApprovalTally(decisions);
    }

    public static ApprovalOutcome outcome(ApprovalDecisions decisions) {
        return new ApprovalOutcome(decisions);
    }

    public static TroikaRound round(ApprovalDecisions decisions) {
        return new TroikaRound(decisions);
    }
}
