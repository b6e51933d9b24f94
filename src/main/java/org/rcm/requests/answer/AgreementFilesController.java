package org.rcm.requests.answer;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads from a statistics folder: {@code /meetings/{id}/files/{fileId}}, for the Secretariat only (the meeting
 * pages' rule). Always as an attachment, never shown in the browser: the type the sender gave is kept when it is a
 * valid media type, the name is reduced to a plain file name, and the browser is told not to guess the type.
 */
@RestController
class AgreementFilesController {

    private static final MediaType UNKNOWN = MediaType.APPLICATION_OCTET_STREAM;

    private final AgreementFiles files;

    AgreementFilesController(AgreementFiles files) {
        this.files = files;
    }

    @GetMapping("/meetings/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long fileId) {
        AgreementFiles.Download file = files.download(id, fileId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file in this meeting's folders"));
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(safeFilename(file.filename()), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    /** The stored type without its parameters' surprises; anything that does not parse is plain bytes. */
    static MediaType mediaType(String stored) {
        try {
            MediaType type = MediaType.parseMediaType(stored == null ? "" : stored.trim());
            return type.isConcrete() ? new MediaType(type.getType(), type.getSubtype(), type.getCharset() == null
                    ? java.util.Map.of() : java.util.Map.of("charset", type.getCharset().name())) : UNKNOWN;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** A name without folders, control or quote characters; "attachment" when nothing is left. */
    static String safeFilename(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.matches("\\.+")) {
            return "attachment";
        }
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
