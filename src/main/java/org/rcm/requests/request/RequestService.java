package org.rcm.requests.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts requests and answers questions about them; the registry row and the process start in one transaction. */
@Service
public class RequestService {

    private final RequestValidator validator;
    private final RequestRegistry registry;
    private final CorrespondenceLog correspondence;
    private final RequestWorkflow workflow;

    RequestService(RequestValidator validator, RequestRegistry registry, CorrespondenceLog correspondence,
                   RequestWorkflow workflow) {
        this.validator = validator;
        this.registry = registry;
        this.correspondence = correspondence;
        this.workflow = workflow;
    }

    public record Started(String reference, String processInstanceId) {
    }

    /** Validates, registers and starts a request; nothing is stored when a field is wrong. */
    @Transactional
    public Started start(NewRequest input, List<Attachment> attachments, String createdBy) {
        String reference = register(validator.validate(input), createdBy);
        attachments.forEach(attachment -> registry.addAttachment(reference, attachment));
        // the start listener reads the request from the registry: its text need not fit in an engine variable
        return new Started(reference, workflow.start(reference, Map.of()));
    }

    /**
     * Starts a draft made for a meeting's agreement (the import of its conclusions) and links it to that agreement;
     * {@code position} tells the agreement's requests apart.
     */
    @Transactional
    public Started startForAgreement(NewRequest input, String meetingId, String agreementNumber, int position,
                                     String createdBy) {
        Started started = start(input, List.of(), createdBy);
        registry.linkAgreement(started.reference(), meetingId, agreementNumber, position);
        return started;
    }

    /** Registers a checked request under a new reference: for the API, and for the Tasklist start form. */
    @Transactional
    public String register(ValidRequest request, String createdBy) {
        String reference = registry.nextReference();
        registry.insert(reference, request, createdBy);
        return reference;
    }

    /**
     * Takes what the officer changed while drafting; the same checks as at the start. A long text that came back as
     * the form's unchanged preview stays as it was.
     */
    @Transactional
    public ValidRequest updateDraft(String reference, NewRequest input) {
        List<RequestText> stored = registry.texts(reference);
        String body = BodyPreview.restore(reference, "body", input.body(),
                stored.isEmpty() ? null : stored.get(0).body());
        Map<String, String> bodies = new HashMap<>();
        input.bodies().forEach((language, text) -> bodies.put(language,
                BodyPreview.restore(reference, "bodies." + language, text, storedBody(stored, language))));
        ValidRequest request = validator.validate(new NewRequest(input.subject(), body, input.recipients(),
                input.replyDue(), input.kind(), input.language(), input.subjects(), bodies,
                input.replyDueWorkingDays(), input.acknowledgement(), input.topic()));
        registry.updateDraft(reference, request);
        return request;
    }

    private static String storedBody(List<RequestText> stored, String language) {
        return stored.stream().filter(text -> text.language().equals(language)).map(RequestText::body).findFirst()
                .orElse(null);
    }

    public Optional<RequestDetails> details(String reference) {
        return registry.details(reference).map(found -> found.withCorrespondence(correspondence.forRequest(reference)));
    }

    public List<RequestDetails> list(RequestState state, String recipient, boolean overdueOnly, int limit) {
        return registry.list(state, recipient, overdueOnly, limit);
    }
}
