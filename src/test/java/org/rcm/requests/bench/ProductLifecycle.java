package org.rcm.requests.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rcm.requests.Application;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application, started here so that its start-up is timed, driven as its users and recipients would:
 * {@code POST /api/requests} as officer1, the draft and the three Troika approvals completed through
 * {@link TaskService} as the users, both request emails awaited in GreenMail, one reply per recipient sent over SMTP
 * (read by the application over IMAP IDLE), both review tasks accepted, and the registry awaited until CLOSED.
 */
final class ProductLifecycle implements Lifecycle {

    static final List<String> RECIPIENTS = List.of("IOM", "PAHO");
    static final Map<String, String> CONTACTS = Map.of("IOM", "focal.point@iom.example.org",
            "PAHO", "punto.focal@paho.example.org");
    static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");

    private final ConfigurableApplicationContext context;
    private final String h2Url;
    private final long startupMillis;
    /** The JVM's uptime when the application reported itself ready ("Started Application"). */
    private long readyUptimeMillis;
    private final TaskService tasks;
    private final EngineUsers users;
    private final JdbcClient jdbc;
    private final RequestJourney journey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;
    private final String basic = "Basic " + Base64.getEncoder().encodeToString("officer1:demo".getBytes(
            StandardCharsets.UTF_8));
    private final ObjectMapper json = new ObjectMapper();
    private final Delivered delivered = new Delivered(List.copyOf(CONTACTS.values()));

    /**
     * @param postgresUrl the database, or null for H2 in memory (the integration tests' URL options)
     */
    ProductLifecycle(String postgresUrl, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("app.demo.enabled", "true");
        properties.put("app.demo.meetings", "false");
        properties.put("app.mail.inbound.mode", "idle");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMailServer.MAIL.smtpPort()));
        properties.put("app.mail.embedded.enabled", "false");
        properties.put("app.mail.inbound.protocol", "imap");
        properties.put("app.mail.inbound.host", "127.0.0.1");
        properties.put("app.mail.inbound.port", String.valueOf(TestMailServer.MAIL.imapPort()));
        properties.put("app.mail.inbound.username", TestMailServer.SECRETARIAT);
        properties.put("app.mail.inbound.password", "demo");
        properties.put("app.mail.secretariat-address", TestMailServer.SECRETARIAT);
        String[] profiles;
        // the product's default (application.yaml) and the baseline's H2 settings
        h2Url = postgresUrl == null ? "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256"
                : null;
        if (postgresUrl == null) {
            properties.put("spring.datasource.url", h2Url);
            profiles = new String[0];
        } else {
            properties.put("spring.datasource.url", postgresUrl);
            properties.put("spring.datasource.username", org.rcm.requests.TestPostgres.USER);
            properties.put("spring.datasource.password", org.rcm.requests.TestPostgres.PASSWORD);
            properties.put("spring.mail.properties.mail.smtp.auth", "false");
            properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
            properties.put("spring.mail.properties.mail.smtp.starttls.required", "false");
            profiles = new String[] {"postgres", "demo"};
        }
        properties.putAll(extra);
        // as command-line arguments, so that they win over application.yaml and the profile's file
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        long start = System.nanoTime();
        context = new SpringApplicationBuilder(Application.class).profiles(profiles)
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationReadyEvent) {
                        readyUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
                    }
                }).run(args);
        startupMillis = (System.nanoTime() - start) / 1_000_000;
        tasks = context.getBean(TaskService.class);
        users = new EngineUsers(tasks, context.getBean(IdentityService.class));
        jdbc = context.getBean(JdbcClient.class);
        journey = context.getBean(RequestJourney.class);
        api = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                + "/api/requests");
    }

    @Override
    public long startupMillis() {
        return startupMillis;
    }

    long readyUptimeMillis() {
        return readyUptimeMillis;
    }

    @Override
    public Timings run(int number) throws Exception {
        long started = System.currentTimeMillis();
        String subject = "Benchmark " + number;
        String body = json.writeValueAsString(Map.of("subject", subject, "body", "Solicitamos la información.",
                "recipients", RECIPIENTS, "replyDue", LocalDate.now().plusDays(30).toString(), "kind", "information",
                "language", "es"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/requests: " + response.statusCode() + " " + response.body());
        }
        JsonNode created = json.readTree(response.body());
        String reference = created.get("reference").asText();
        String instance = created.get("processInstanceId").asText();

        users.complete(users.task(instance, Elements.DRAFT_REQUEST, "secretariat"), "officer1", Map.of());
        for (String delegate : DELEGATES) {
            String group = "troika-" + delegate.substring(delegate.indexOf('-') + 1).toUpperCase();
            users.complete(users.task(instance, Elements.APPROVE_REQUEST, group), delegate, Map.of(Variables.DECISION, "approve"));
        }
        long sent = 0;
        for (String recipient : RECIPIENTS) {
            sent = Math.max(sent, Waiting.until("request email of " + reference + " to " + recipient,
                    () -> journey.messageId(reference, recipient).map(delivered::at).orElse(null)));
        }
        // a recipient answers after the request waits for it (the email is out before the wait state is committed)
        Waiting.until("recipients of " + reference + " awaiting replies", () -> jdbc.sql(
                "select count(*) from request_recipient where reference = ? and state = 'AWAITING_REPLY'")
                .param(reference).query(Long.class).single() == RECIPIENTS.size() ? Boolean.TRUE : null);

        Map<String, Long> repliedAt = new LinkedHashMap<>();
        for (String recipient : RECIPIENTS) {
            TestMailServer.sendToSecretariat(journey.reply(reference, recipient, CONTACTS.get(recipient),
                    "Adjuntamos la información solicitada."));
            repliedAt.put(recipient, System.currentTimeMillis());
        }
        List<Task> reviews = Waiting.until("review tasks of " + reference, () -> {
            List<Task> found = tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(Elements.REVIEW_REPLY).list();
            return found.size() == RECIPIENTS.size() ? found : null;
        });
        long[] latencies = new long[reviews.size()];
        for (int i = 0; i < reviews.size(); i++) {
            Task review = reviews.get(i);
            String recipient = (String) tasks.getVariable(review.getId(), Variables.RECIPIENT);
            latencies[i] = review.getCreateTime().getTime() - repliedAt.get(recipient);
            users.complete(review, "officer1", Map.of(Variables.OUTCOME, "accept"));
        }
        Timestamp closed = Waiting.until(reference + " closed", () -> jdbc.sql(
                "select closed_at from request where reference = ? and state = 'CLOSED'").param(reference)
                .query(Timestamp.class).optional().orElse(null));
        return new Timings(started, sent, latencies, closed.getTime());
    }


    @Override
    public void close() throws java.sql.SQLException {
        context.close();
        if (h2Url != null) {
            // the in-memory database outlives the context (DB_CLOSE_DELAY=-1): drop it, so the baseline runs without it
            try (var connection = java.sql.DriverManager.getConnection(h2Url, "sa", "");
                 var statement = connection.createStatement()) {
                statement.execute("shutdown");
            }
        }
    }
}
