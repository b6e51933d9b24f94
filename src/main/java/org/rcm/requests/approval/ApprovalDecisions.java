package org.rcm.requests.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval_decision table: each Troika country's decision and comment per approval round of a request. The
 * record the model's gateways read. The registry opens a new round each time the draft is completed.
 */
@Repository
public class ApprovalDecisions {

    /** One country's decision in a round. */
    public record Recorded(String country, Decision decision, String comment, String decidedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ApprovalDecisions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int currentRound(String reference) {
        return jdbc.sql("select approval_round from request where reference = ?").param(reference)
                .query(Integer.class).optional().orElseThrow(() ->
                        new IllegalStateException("no request " + reference + " in the registry"));
    }

    /** Records a country's decision in the current round; a second decision of the same country replaces it. */
    public void record(String reference, String country, Decision decision, String comment, String decidedBy) {
        int round = currentRound(reference);
        jdbc.sql("delete from approval_decision where reference = ? and approval_round = ? and country_code = ?")
                .params(reference, round, country).update();
        jdbc.sql("""
                insert into approval_decision (reference, approval_round, country_code, decision, comment, decided_by,
                                               decided_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(reference, round, country, decision.code(), comment, decidedBy,
                Timestamp.from(clock.instant())).update();
    }

    /** The decisions of the current round, in the order they were made. */
    public List<Recorded> currentRoundOf(String reference) {
        return jdbc.sql("""
                select country_code, decision, comment, decided_by from approval_decision
                where reference = ? and approval_round = (select approval_round from request where reference = ?)
                order by decided_at, country_code
                """).params(reference, reference).query((rs, row) -> new Recorded(rs.getString(1),
                Decision.parse(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4))).list();
    }
}
