package org.rcm.requests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rcm.requests.TestPostgres;
import org.rcm.requests.registry.RegistryFilter;
import org.rcm.requests.registry.RegistryPage;
import org.rcm.requests.registry.RegistryQuery;
import org.rcm.requests.calendar.Holidays;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.request.ContactCheck;
import org.rcm.requests.request.ContactCheckProperties;
import org.rcm.requests.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's first page with each filter over {@value #REQUESTS} generated requests (1–3 recipients each, mixed
 * states and due dates, some overdue, about a tenth for a meeting's agreement), on H2 in memory and on PostgreSQL.
 * A benchmark, not a test: {@code ./mvnw -Pbench verify -Dtest=RegistryQueryBenchmark}. Rows are inserted with JDBC
 * batches into a database of its own (Flyway's scripts), and {@link RegistryQuery} is called directly: the registry
 * does not touch the engine. Prints a table and writes {@code target/bench/registry-query.csv}.
 */
@Tag("benchmark")
class RegistryQueryBenchmark {

    static final int REQUESTS = 100_000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 20;
    private static final int MEETINGS = 20;
    private static final List<String> AGREEMENTS = List.of("1a", "1b", "2a", "2c", "2d", "2f", "3b");
    private static final List<String> SUBJECTS = List.of(
            "Nominación de puntos focales especializados",
            "Información estadística en la carpeta compartida",
            "Actualización de la matriz sobre tráfico ilícito y el Protocolo de Palermo",
            "Reunión conjunta de las Troikas CRM y CSM",
            "Ventanas de enfermedades infecciosas en países de origen",
            "Capacitación sobre la situación en países de origen",
            "Lista de consulados y embajadas",
            "Apoyo a la campaña «negocio mortal»");
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("UTC"));
    private static final Path OUTPUT = Path.of("target", "bench", "registry-query.csv");

    record Measure(String database, String filter, long matches, double medianMs, double p90Ms) {
    }

    @Test
    void firstPageWithEachFilterOnH2() throws Exception {
        try (HikariDataSource dataSource = dataSource(// H2 would otherwise hand back the previous result of an identical query on unchanged tables
                "jdbc:h2:mem:registry-bench;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "")) {
            record(run("H2", dataSource));
        }
    }

    @Test
    void firstPageWithEachFilterOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = TestPostgres.start();
             HikariDataSource dataSource = dataSource(TestPostgres.url(postgres, "interagency"), TestPostgres.USER,
                     TestPostgres.PASSWORD)) {
            record(run("PostgreSQL", dataSource));
        }
    }

    private List<Measure> run(String database, DataSource dataSource) throws Exception {
        Flyway.configure().dataSource(dataSource).load().migrate();
        long started = System.nanoTime();
        String sample = generate(dataSource);
        System.out.printf("%s: %,d requests generated in %d s%n", database, REQUESTS,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (database.equals("PostgreSQL")) {
            jdbc.sql("analyze").update();
        }
        RegistryQuery query = new RegistryQuery(jdbc, CLOCK, new ContactCheck(new ContactCheckProperties(null), CLOCK,
                WorkingDays.of(Holidays.none())));
        RegistryFilter none = RegistryFilter.none();
        Map<String, RegistryFilter> filters = new LinkedHashMap<>();
        filters.put("no filter", none);
        for (RequestState state : RequestState.values()) {
            filters.put("state=" + state, none.withState(state));
        }
        filters.put("recipient=IOM", none.withRecipient("IOM"));
        filters.put("recipient=BR", none.withRecipient("BR"));
        filters.put("meeting=bench-meeting-07", none.withMeeting("bench-meeting-07"));
        filters.put("overdue", none.withOverdueOnly(true));
        filters.put("search 'palermo'", none.withSearch("palermo"));
        filters.put("search reference " + sample, none.withSearch(sample));
        filters.put("search nothing matches", none.withSearch("zzz-no-such-text"));
        filters.put("AWAITING_REPLY+PAHO+overdue", none.withState(RequestState.AWAITING_REPLY)
                .withRecipient("PAHO").withOverdueOnly(true));
        filters.put("meeting+recipient=MX", none.withMeeting("bench-meeting-03").withRecipient("MX"));
        filters.put("no filter, page 1000", none.withPage(1000));

        List<Measure> measures = new ArrayList<>();
        for (Map.Entry<String, RegistryFilter> filter : filters.entrySet()) {
            RegistryPage[] last = new RegistryPage[1];
            double[] times = time(() -> last[0] = query.page(filter.getValue()));
            assertThat(last[0].rows().size()).as(filter.getKey() + ": a page has at most its size")
                    .isLessThanOrEqualTo(filter.getValue().size());
            measures.add(new Measure(database, filter.getKey(), last[0].total(), median(times), p90(times)));
        }
        long[] exported = new long[1];
        long csvStart = System.nanoTime();
        query.each(none, REQUESTS, 1_000, rows -> exported[0] += rows.size());
        measures.add(new Measure(database, "all rows in chunks (CSV export)", exported[0],
                (System.nanoTime() - csvStart) / 1e6, Double.NaN));
        assertThat(exported[0]).as("every request exported").isEqualTo(REQUESTS);
        return measures;
    }

    private static double[] time(Supplier<?> action) {
        for (int i = 0; i < WARM_UP; i++) {
            action.get();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    private static double median(double[] sorted) {
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    private static double p90(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }

    /** Inserts the meetings and requests; returns the reference of one request in the middle, to search for. */
    static String generate(DataSource dataSource) throws SQLException {
        Random random = new Random(20160713);
        String sample = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<String> parties = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("select code from directory_party order by code")) {
                while (rs.next()) {
                    parties.add(rs.getString(1));
                }
            }
            try (PreparedStatement meeting = connection.prepareStatement("insert into meeting (id, name, place,"
                    + " starts_on, ends_on, language, imported_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int m = 1; m <= MEETINGS; m++) {
                    LocalDate on = LocalDate.of(2023, 1, 10).plusWeeks(m * 8L);
                    meeting.setString(1, "bench-meeting-%02d".formatted(m));
                    meeting.setString(2, "Reunión de prueba " + m);
                    meeting.setString(3, "Panamá");
                    meeting.setDate(4, Date.valueOf(on));
                    meeting.setDate(5, Date.valueOf(on.plusDays(1)));
                    meeting.setString(6, "es");
                    meeting.setTimestamp(7, Timestamp.from(NOW));
                    meeting.addBatch();
                }
                meeting.executeBatch();
            }
            LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of("UTC"));
            try (PreparedStatement request = connection.prepareStatement("insert into request (reference, subject,"
                    + " body, kind, language, reply_due, state, created_by, created_at, meeting_id, agreement_number,"
                    + " agreement_position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement recipient = connection.prepareStatement("insert into request_recipient"
                         + " (reference, party_code, state, reply_due, sent_at) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < REQUESTS; i++) {
                    // one request every 15 minutes over about three years, the newest now
                    Instant created = NOW.minus(Duration.ofMinutes(15L * (REQUESTS - i)));
                    LocalDate due = LocalDate.ofInstant(created, ZoneId.of("UTC")).plusDays(30);
                    RequestState state = state(random, due, today);
                    String reference = "CRM-%d-%05d".formatted(created.atZone(ZoneId.of("UTC")).getYear(), i);
                    if (i == REQUESTS / 2) {
                        sample = reference;
                    }
                    request.setString(1, reference);
                    request.setString(2, SUBJECTS.get(random.nextInt(SUBJECTS.size())) + " (" + i + ")");
                    request.setString(3, "Solicitamos la información indicada.");
                    request.setString(4, "information");
                    request.setString(5, "es");
                    request.setDate(6, Date.valueOf(due));
                    request.setString(7, state.name());
                    request.setString(8, "officer1");
                    request.setTimestamp(9, Timestamp.from(created));
                    if (random.nextInt(10) == 0) {
                        request.setString(10, "bench-meeting-%02d".formatted(1 + random.nextInt(MEETINGS)));
                        request.setString(11, AGREEMENTS.get(random.nextInt(AGREEMENTS.size())));
                        request.setInt(12, i);
                    } else {
                        request.setString(10, null);
                        request.setString(11, null);
                        request.setObject(12, null, java.sql.Types.INTEGER);
                    }
                    request.addBatch();
                    List<String> codes = new ArrayList<>(parties);
                    java.util.Collections.shuffle(codes, random);
                    for (String code : codes.subList(0, 1 + random.nextInt(3))) {
                        LocalDate recipientDue = random.nextInt(8) == 0 ? due.plusDays(14) : due;
                        recipient.setString(1, reference);
                        recipient.setString(2, code);
                        recipient.setString(3, recipientState(random, state, recipientDue, today));
                        recipient.setDate(4, Date.valueOf(recipientDue));
                        recipient.setTimestamp(5, state == RequestState.DRAFTING || state == RequestState.IN_APPROVAL
                                || state == RequestState.REJECTED ? null : Timestamp.from(created));
                        recipient.addBatch();
                    }
                    if (i % 2_000 == 1_999) {
                        request.executeBatch();
                        recipient.executeBatch();
                        connection.commit();
                    }
                }
                request.executeBatch();
                recipient.executeBatch();
                connection.commit();
            }
        }
        return sample;
    }

    /** Old requests are mostly closed, a few still wait (overdue); recent ones are everywhere in the lifecycle. */
    private static RequestState state(Random random, LocalDate due, LocalDate today) {
        int dice = random.nextInt(100);
        if (due.isBefore(today.minusDays(60))) {
            return dice < 80 ? RequestState.CLOSED : dice < 92 ? RequestState.REJECTED : RequestState.AWAITING_REPLY;
        }
        return dice < 15 ? RequestState.DRAFTING : dice < 30 ? RequestState.IN_APPROVAL
                : dice < 85 ? RequestState.AWAITING_REPLY : dice < 95 ? RequestState.CLOSED : RequestState.REJECTED;
    }

    private static String recipientState(Random random, RequestState request, LocalDate due, LocalDate today) {
        return switch (request) {
            case DRAFTING, IN_APPROVAL, REJECTED -> "PENDING";
            case CLOSED -> random.nextInt(5) == 0 ? "CLOSED_UNANSWERED" : "ANSWERED";
            case AWAITING_REPLY -> {
                int dice = random.nextInt(10);
                if (dice < 3) {
                    yield "ANSWERED";
                }
                if (dice < 4) {
                    yield "UNDER_REVIEW";
                }
                yield due.isBefore(today) ? "OVERDUE" : "AWAITING_REPLY";
            }
        };
    }

    static HikariDataSource dataSource(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static synchronized void record(List<Measure> measures) throws IOException {
        StringBuilder table = new StringBuilder(String.format("%n%-12s %-44s %9s %10s %10s%n", "database", "filter",
                "matches", "median ms", "p90 ms"));
        for (Measure m : measures) {
            table.append(String.format(Locale.ROOT, "%-12s %-44s %9d %10.2f %10.2f%n", m.database(), m.filter(),
                    m.matches(), m.medianMs(), m.p90Ms()));
        }
        System.out.println(table);
        Files.createDirectories(OUTPUT.getParent());
        boolean header = !Files.exists(OUTPUT);
        try (Writer out = Files.newBufferedWriter(OUTPUT, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            if (header) {
                out.write("database,filter,matches,median_ms,p90_ms\n");
            }
            for (Measure m : measures) {
                out.write(String.format(Locale.ROOT, "%s,\"%s\",%d,%.2f,%.2f%n", m.database(), m.filter(),
                        m.matches(), m.medianMs(), m.p90Ms()));
            }
        }
    }
}
