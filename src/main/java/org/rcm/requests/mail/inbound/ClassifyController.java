package org.rcm.requests.mail.inbound;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/mail/classify}: what the product would do with a raw message (body {@code message/rfc822}),
 * storing nothing. For officers who want to know why a message went to triage.
 */
@RestController
class ClassifyController {

    private final InboundMailService inbound;

    ClassifyController(InboundMailService inbound) {
        this.inbound = inbound;
    }

    @PostMapping(path = "/api/mail/classify", consumes = {"message/rfc822", "application/octet-stream"})
    Map<String, Object> classify(@RequestBody byte[] raw, HttpServletRequest request) {
        if (!request.isUserInRole("secretariat") && !request.isUserInRole("camunda-admin")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Secretariat or admin only");
        }
        InboundMailService.Dry dry = inbound.dryRun(raw);
        ParsedMessage parsed = dry.parsed();
        Reading reading = dry.reading();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("classification", reading.classification());
        answer.put("replyText", parsed.replyText());
        answer.put("attachments", parsed.attachments().stream().map(ReceivedAttachment::filename).toList());
        if (parsed.bounce() != null) {
            answer.put("bounce", Map.of("addresses", parsed.bounce().addresses(), "status",
                    String.valueOf(parsed.bounce().status()), "permanent", parsed.bounce().permanent()));
        }
        if (reading.match() != null) {
            answer.put("correlation", Map.of("reference", reading.match().reference(), "recipient",
                    reading.match().recipient(), "rule", reading.match().rule()));
        }
        if (reading.problem() != null) {
            answer.put("problem", reading.problem());
        }
        answer.put("suggestions", reading.suggestions());
        return answer;
    }
}
