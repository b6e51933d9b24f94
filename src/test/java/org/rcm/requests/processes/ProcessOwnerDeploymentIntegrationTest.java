package org.rcm.requests.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.TestProcesses;
import org.rcm.requests.config.ModelProblem;
import org.rcm.requests.config.ProcessDeployer;
import org.rcm.requests.request.RequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A process owner deploys: through the application's API, through {@code /engine-rest} as Camunda Modeler does (with
 * owner1's login), and at start-up; the same broken model is refused on each path with the element named, and
 * nothing is deployed. An application of its own, reading its models from a copy of {@code processes/}.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:process-owner;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.enabled=false"})
@DirtiesContext
class ProcessOwnerDeploymentIntegrationTest extends IntegrationTestBase {

    private static final Path FOLDER = TestProcesses.copy();
    private static final String MODEL = "InteragencyRequest.bpmn";
    /** A delegate expression naming no bean: the engine would only notice when a request reaches the task. */
    private static final String BROKEN = "${sendRequestMailDelegate}";
    private static final String BROKEN_INTO = "${sendRequestMailDelegat}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String original = read(MODEL);

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessDeployer deployer;

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("app.processes-dir", FOLDER::toString);
    }

    @AfterEach
    void restore() throws IOException {
        Files.writeString(FOLDER.resolve(MODEL), original);
    }

    @Test
    void aBrokenModelIsRefusedOnEveryPathWithTheElementNamedAndNothingDeployed() throws Exception {
        long versions = versions();
        String broken = original.replace(BROKEN, BROKEN_INTO);
        assertThat(broken).isNotEqualTo(original);
        Files.writeString(FOLDER.resolve(MODEL), broken);

        HttpResponse<String> check = api("POST", "/api/processes/check");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).as("the check names file and element").contains(MODEL).contains("Task_SendRequestMail")
                .contains("sendRequestMailDelegat");
        HttpResponse<String> deploy = api("POST", "/api/processes/deploy");
        assertThat(deploy.statusCode()).as("deploy through the API: " + deploy.body()).isEqualTo(422);
        assertThat(deploy.body()).contains("Task_SendRequestMail");

        HttpResponse<String> modeler = modelerDeploy(Map.of(MODEL, broken, "Form_StartRequest.form",
                read("Form_StartRequest.form")));
        assertThat(modeler.statusCode()).as("deploy from Camunda Modeler (/engine-rest): " + modeler.body())
                .isEqualTo(400);
        assertThat(modeler.body()).contains(MODEL).contains("Task_SendRequestMail");

        ProcessDeployer.Result startup = deployer.deploy(FOLDER);
        assertThat(startup.refused()).as("deploy at start-up").extracting(ModelProblem::element)
                .contains("Task_SendRequestMail");

        assertThat(versions()).as("versions of the model").isEqualTo(versions);
    }

    @Test
    void aProcessOwnerDeploysAChangedModelWithoutARestart() throws Exception {
        long versions = versions();
        assertThat(api("GET", "/api/processes").body()).as("nothing changed yet").doesNotContain("\"CHANGED\"");
        Files.writeString(FOLDER.resolve(MODEL), original.replace("name=\"Review reply\"",
                "name=\"Review the reply\""));
        assertThat(api("GET", "/api/processes").body()).as("the changed file").contains("\"CHANGED\"");

        HttpResponse<String> deploy = api("POST", "/api/processes/deploy");
        assertThat(deploy.statusCode()).as("deploy: " + deploy.body()).isEqualTo(201);
        assertThat(deploy.body()).contains(MODEL).contains("Form_ReviewReply.form");
        assertThat(versions()).as("a new version").isEqualTo(versions + 1);
        assertThat(api("POST", "/api/processes/deploy").statusCode()).as("deployed again: nothing changed")
                .isEqualTo(200);
        assertThat(versions()).isEqualTo(versions + 1);
    }

    @Test
    void modelerDeploysAModelWithItsFormsAndIsToldWhenAFormIsMissing() throws Exception {
        long versions = versions();
        String relabeled = original.replace("name=\"Review reply\"", "name=\"Review the reply (Modeler)\"");
        HttpResponse<String> withoutForms = modelerDeploy(Map.of(MODEL, relabeled));
        assertThat(withoutForms.statusCode()).as("a model without its forms: " + withoutForms.body()).isEqualTo(400);
        assertThat(withoutForms.body()).contains("Form_ReviewReply").contains("deployed with the model");

        Map<String, String> files = new LinkedHashMap<>();
        files.put(MODEL, relabeled);
        files.putAll(TestProcesses.forms(FOLDER));
        HttpResponse<String> withForms = modelerDeploy(files);
        assertThat(withForms.statusCode()).as("the model with its forms: " + withForms.body()).isEqualTo(200);
        assertThat(versions()).isEqualTo(versions + 1);
    }

    @Test
    void onlyProcessOwnersAndAdminsDeploy() throws Exception {
        assertThat(send("GET", "/api/processes", "officer1", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/processes", "delegate-hn", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/processes", "admin", null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send("GET", "/processes", "owner1", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Procesos").contains(MODEL).contains(RequestProcess.KEY);
    }

    private long versions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).count();
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return send(method, path, "owner1", "application/json");
    }

    private HttpResponse<String> send(String method, String path, String user, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).method(method, HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What Camunda Modeler's Deploy button sends: a multipart post with the files, owner1's login. */
    private HttpResponse<String> modelerDeploy(Map<String, String> files) throws Exception {
        String boundary = "----modeler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "modeler\r\n").getBytes(StandardCharsets.UTF_8));
        files.forEach((name, content) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", basic("owner1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String file) {
        try {
            return Files.readString(FOLDER.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
