package org.rcm.requests.request;

import java.net.URI;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The request API of DESIGN.md section 5: start a request, list requests, read one with its correspondence. */
@RestController
class RequestController {

    private final RequestService service;

    RequestController(RequestService service) {
        this.service = service;
    }

    record AttachmentBody(String filename, String contentType, String content) {
    }

    /**
     * {@code subject} and {@code body} are the text in {@code language}; {@code subjects} and {@code bodies} give it by
     * language ({@code {"es": …, "en": …}}), beside them or instead of them. The due date is {@code replyDue}, or
     * {@code replyDueWorkingDays}: working days counted in each recipient's calendar. {@code acknowledgement}: ask each
     * recipient to confirm the receipt. {@code topic}, optional, is what the request is about: a request on a topic
     * goes to each country's focal point for it.
     */
    record StartBody(String subject, String body, List<String> recipients, String replyDue, String kind,
                     String language, Map<String, String> subjects, Map<String, String> bodies,
                     List<AttachmentBody> attachments, String replyDueWorkingDays, Boolean acknowledgement,
                     String topic) {
    }

    @PostMapping("/api/requests")
    ResponseEntity<RequestService.Started> start(@RequestBody StartBody body, Principal user) {
        List<Attachment> attachments = body.attachments() == null ? List.of() : body.attachments().stream()
                .map(RequestController::decode).toList();
        RequestService.Started started = service.start(new NewRequest(body.subject(), body.body(), body.recipients(),
                body.replyDue(), body.kind(), body.language(), body.subjects(), body.bodies(),
                body.replyDueWorkingDays(), body.acknowledgement(), body.topic()), attachments,
                user == null ? null : user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + started.reference())).body(started);
    }

    @GetMapping("/api/requests")
    List<RequestDetails> list(@RequestParam(required = false) RequestState state,
                              @RequestParam(required = false) String recipient,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(defaultValue = "100") int limit) {
        return service.list(state, recipient == null ? null : recipient.toUpperCase(), overdue,
                Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/api/requests/{reference}")
    RequestDetails details(@PathVariable String reference) {
        return service.details(reference.toUpperCase()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + reference));
    }

    @ExceptionHandler(RequestValidationException.class)
    ProblemDetail invalid(RequestValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", new LinkedHashMap<>(e.errors()));
        return problem;
    }

    private static Attachment decode(AttachmentBody body) {
        if (body.filename() == null || body.filename().isBlank() || body.content() == null) {
            throw new RequestValidationException(Map.of("attachments",
                    "Cada adjunto necesita filename y content (base64) / each attachment needs filename and content"));
        }
        try {
            return new Attachment(body.filename(), body.contentType() == null ? "application/octet-stream"
                    : body.contentType(), Base64.getDecoder().decode(body.content()));
        } catch (IllegalArgumentException e) {
            throw new RequestValidationException(Map.of("attachments",
                    "Contenido base64 no válido / invalid base64 content in " + body.filename()));
        }
    }
}
