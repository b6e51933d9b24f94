package org.rcm.requests.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestKind;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Component;

/**
 * {@link ReplyForms} from the engine: the file {@code Form_Reply_<kind>.form} of the deployment that holds the
 * definition the request's instance runs on (a migrated request takes its new version's form). A deployed file never
 * changes, so each is read once. These are the product's own reads of its models, made for a recipient without an
 * account or inside an officer's task: they run without the engine's authorization checks.
 */
@Component
class CamundaReplyForms implements ReplyForms {

    private final RequestRegistry registry;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<String, Optional<ReplyForm>> byDeployment = new ConcurrentHashMap<>();

    CamundaReplyForms(RequestRegistry registry, HistoryService history, RepositoryService repository,
                      IdentityService identity) {
        this.registry = registry;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public Optional<ReplyForm> forRequest(String reference) {
        Optional<RequestDetails> request = registry.find(reference);
        if (request.isEmpty() || request.get().processInstanceId() == null) {
            return Optional.empty();
        }
        return asSystem(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(request.get().processInstanceId()).singleResult();
            return instance == null ? Optional.empty() : inDeployment(request.get(),
                    repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId());
        });
    }

    @Override
    public Optional<ReplyForm> forRequest(String reference, String deploymentId) {
        return registry.find(reference).flatMap(request -> asSystem(() -> inDeployment(request, deploymentId)));
    }

    private Optional<ReplyForm> inDeployment(RequestDetails request, String deploymentId) {
        Optional<RequestKind> kind = RequestKind.parse(request.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return byDeployment.computeIfAbsent(deploymentId + "/" + kind.get().replyFormId(),
                key -> read(deploymentId, kind.get().replyFormId()));
    }

    private Optional<ReplyForm> read(String deploymentId, String formId) {
        String file = formId + ".form";
        Optional<String> name = repository.getDeploymentResourceNames(deploymentId).stream()
                .filter(resource -> resource.equals(file) || resource.endsWith("/" + file)).findFirst();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = repository.getResourceAsStream(deploymentId, name.get())) {
            return Optional.of(ReplyForm.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code read} with no engine user, so without authorization checks; the user is restored after. */
    private <T> T asSystem(Supplier<T> read) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
