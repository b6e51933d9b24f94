package org.rcm.requests.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.request.RequestProcess.Variables;
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
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.SUBJECT, input.subject());
        variables.put(Variables.BODY, input.body());
        variables.put(Variables.RECIPIENTS, String.join(", ", RecipientCodes.parse(input.recipients())));
        variables.put(Variables.REPLY_DUE, input.replyDue());
        variables.put(Variables.KIND, input.kind());
        variables.put(Variables.LANGUAGE, input.language());
        // the start listener cleans these up as for a request from the start form
        return new Started(reference, workflow.start(reference, variables));
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

    /** Takes what the officer changed while drafting; the same checks as at the start. */
    @Transactional
    public ValidRequest updateDraft(String reference, NewRequest input) {
        ValidRequest request = validator.validate(input);
        registry.updateDraft(reference, request);
        return request;
    }

    public Optional<RequestDetails> details(String reference) {
        return registry.find(reference).map(found -> found.withCorrespondence(correspondence.forRequest(reference)));
    }

    public List<RequestDetails> list(RequestState state, String recipient, boolean overdueOnly, int limit) {
        return registry.list(state, recipient, overdueOnly, limit);
    }
}
