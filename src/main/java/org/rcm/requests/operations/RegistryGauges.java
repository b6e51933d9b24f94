package org.rcm.requests.operations;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rcm.requests.mail.inbound.Classification;
import org.rcm.requests.mail.inbound.Inbox;
import org.rcm.requests.mail.inbound.Reading;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges from the application's tables, the same on every node: requests by state ({@code app.requests}), recipients
 * by state ({@code app.recipients}) and those whose reply is overdue ({@code app.recipients.overdue}), inbound
 * messages by inbox state and classification ({@code app.inbox.messages}). Four grouped counts, read at most once per
 * {@code app.metrics.refresh}.
 */
@Component
class RegistryGauges implements MeterBinder {

    /** The classification of a message not read yet. */
    static final String UNREAD = "unread";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cached<Counts> counts;

    RegistryGauges(JdbcClient jdbc, Clock clock, MetricsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.counts = new Cached<>(this::read, properties.refresh(), clock);
    }

    record Counts(Map<String, Long> requests, Map<String, Long> recipients, long overdue, Map<String, Long> inbox) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RequestState state : RequestState.values()) {
            Gauge.builder("app.requests", counts, c -> c.get().requests().getOrDefault(state.name(), 0L))
                    .description("Requests in each state of the registry").tag("state", tag(state.name()))
                    .register(registry);
        }
        for (RecipientState state : RecipientState.values()) {
            Gauge.builder("app.recipients", counts, c -> c.get().recipients().getOrDefault(state.name(), 0L))
                    .description("Recipients of requests in each state").tag("state", tag(state.name()))
                    .register(registry);
        }
        Gauge.builder("app.recipients.overdue", counts, c -> c.get().overdue())
                .description("Recipients whose reply is awaited past its due date").register(registry);
        for (Inbox.State state : Inbox.State.values()) {
            for (String classification : classifications()) {
                String key = state.name() + "/" + classification;
                Gauge.builder("app.inbox.messages", counts, c -> c.get().inbox().getOrDefault(key, 0L))
                        .description("Inbound messages (email and reply link) in each inbox state, by classification")
                        .tag("state", tag(state.name())).tag("classification", tag(classification))
                        .register(registry);
            }
        }
    }

    /** What reading a message found: a reply, an automatic answer, a bounce, or none of these about a request. */
    private static List<String> classifications() {
        List<String> names = new ArrayList<>();
        for (Classification classification : Classification.values()) {
            names.add(classification.name());
        }
        names.add(Reading.UNRELATED);
        names.add(UNREAD);
        return names;
    }

    private Counts read() {
        Map<String, Long> requests = grouped("select state, count(*) from request group by state");
        Map<String, Long> recipients = grouped("select state, count(*) from request_recipient group by state");
        long overdue = jdbc.sql("select count(*) from request_recipient where state in ('AWAITING_REPLY', 'OVERDUE') "
                + "and reply_due < ?").param(Date.valueOf(LocalDate.now(clock))).query(Long.class).single();
        Map<String, Long> inbox = new HashMap<>();
        jdbc.sql("select inbox_state, classification, count(*) from correspondence where direction = 'IN' "
                        + "group by inbox_state, classification")
                .query((rs, row) -> Map.entry(rs.getString(1) + "/" + (rs.getString(2) == null ? UNREAD
                        : rs.getString(2)), rs.getLong(3))).list()
                .forEach(entry -> inbox.merge(entry.getKey(), entry.getValue(), Long::sum));
        return new Counts(requests, recipients, overdue, inbox);
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** Tag values in lower case, as Prometheus users write them: {@code awaiting_reply}, {@code human_reply}. */
    static String tag(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
