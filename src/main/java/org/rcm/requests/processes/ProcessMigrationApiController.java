package org.rcm.requests.processes;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/processes/{key}/migrations} with {@code {fromVersion, toVersion, dryRun}}: the plan (200), or, with
 * {@code dryRun: false}, a batch started (202, its progress at {@code Location}). A missing {@code dryRun} is a dry
 * run: moving running requests is asked for explicitly.
 */
@RestController
class ProcessMigrationApiController {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMigrationApiController.class);

    private final ProcessMigrations migrations;

    ProcessMigrationApiController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    record MigrationRequest(Integer fromVersion, Integer toVersion, Boolean dryRun) {
    }

    // JSON only: a page of another site cannot send it (CsrfRequired)
    @PostMapping(path = "/api/processes/{key}/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> migrate(@PathVariable String key, @RequestBody MigrationRequest body, Principal user) {
        if (body.fromVersion() == null || body.toVersion() == null) {
            throw new InvalidMigrationException("Indique fromVersion y toVersion / fromVersion and toVersion are "
                    + "required");
        }
        if (!Boolean.FALSE.equals(body.dryRun())) {
            return ResponseEntity.ok(migrations.plan(key, body.fromVersion(), body.toVersion()));
        }
        MigrationBatch batch = migrations.start(key, body.fromVersion(), body.toVersion());
        LOG.info("{} started migration batch {} of {}", user == null ? null : user.getName(), batch.batchId(), key);
        return ResponseEntity.accepted().location(UriComponentsBuilder.fromPath("/api/processes/{key}/migrations/{id}")
                .buildAndExpand(key, batch.batchId()).encode().toUri()).body(batch);
    }

    @GetMapping("/api/processes/{key}/migrations/{batchId}")
    MigrationProgress progress(@PathVariable String key, @PathVariable String batchId) {
        return migrations.progress(batchId);
    }

    @ExceptionHandler(InvalidMigrationException.class)
    ProblemDetail invalid(InvalidMigrationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid migration");
        return problem;
    }

    @ExceptionHandler(NothingToMigrateException.class)
    ProblemDetail nothingToMove(NothingToMigrateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Ninguna instancia en curso "
                + "puede pasar a la versión " + e.plan().toVersion() + "; el plan dice por qué / no running instance "
                + "can move to version " + e.plan().toVersion() + "; the plan says why");
        problem.setTitle("Nothing to migrate");
        problem.setProperty("plan", e.plan());
        return problem;
    }

    @ExceptionHandler(UnknownBatchException.class)
    ProblemDetail unknownBatch(UnknownBatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No hay migración con ese identificador / "
                + e.getMessage());
    }
}
