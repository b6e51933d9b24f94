package org.rcm.requests.meeting;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/meetings}: imports a meeting file sent as the body (YAML); 201 with the report, or 400. */
@RestController
class MeetingApiController {

    private final MeetingImporter importer;
    private final MeetingsProperties properties;

    MeetingApiController(MeetingImporter importer, MeetingsProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    // no text/plain: a page of another site could send that (CsrfRequired)
    @PostMapping(path = "/api/meetings", consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ResponseEntity<ImportReport> importMeeting(HttpServletRequest request, Principal user) throws IOException {
        // one byte more than allowed is enough to know the file is too large, without reading all of it
        byte[] content = request.getInputStream().readNBytes(properties.maxFileBytes() + 1);
        ImportReport report = importer.importFile(content, user == null ? null : user.getName());
        return ResponseEntity.created(URI.create("/meetings/" + report.meetingId())).body(report);
    }

    @ExceptionHandler(MeetingFileException.class)
    ProblemDetail invalid(MeetingFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "El archivo de la reunión tiene errores; no se importó nada / "
                        + "the meeting file has errors; nothing was imported");
        problem.setTitle("Invalid meeting file");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail concurrent(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "La misma reunión se estaba importando a la vez; "
                + "repita la importación / the same meeting was being imported at the same time; import it again");
    }
}
