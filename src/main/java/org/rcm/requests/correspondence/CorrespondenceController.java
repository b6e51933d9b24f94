package org.rcm.requests.correspondence;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** One message of the log ({@code /api/correspondence/{id}}), and its original as received ({@code /source}). */
@RestController
class CorrespondenceController {

    private final CorrespondenceLog log;

    CorrespondenceController(CorrespondenceLog log) {
        this.log = log;
    }

    @GetMapping("/api/correspondence/{id}")
    CorrespondenceLog.Message message(@PathVariable long id) {
        return log.message(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + id));
    }

    /** Served as plain text, so that a browser shows the original and never renders it. */
    @GetMapping("/api/correspondence/{id}/source")
    ResponseEntity<byte[]> source(@PathVariable long id) {
        byte[] source = log.source(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + id));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff").body(source);
    }
}
