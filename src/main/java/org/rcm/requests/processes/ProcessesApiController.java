package org.rcm.requests.processes;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.rcm.requests.config.ModelProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Processes page as an API, for process owners and admins: what is deployed and what changed, check, deploy.
 * Deploying answers {@code 201} with the new versions, {@code 200} when nothing changed, or {@code 422} with the
 * problems and nothing deployed.
 */
@RestController
class ProcessesApiController {

    private final ProcessCatalog catalog;

    ProcessesApiController(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/processes")
    ProcessCatalog.Overview overview() {
        return catalog.overview();
    }

    @PostMapping("/api/processes/check")
    Map<String, List<ModelProblem>> check() {
        return Map.of("problems", catalog.check());
    }

    @PostMapping("/api/processes/deploy")
    ResponseEntity<ProcessCatalog.Deployed> deploy() {
        ProcessCatalog.Deployed deployed = catalog.deploy();
        if (!deployed.problems().isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(deployed);
        }
        return deployed.files().isEmpty() ? ResponseEntity.ok(deployed)
                : ResponseEntity.created(URI.create("/api/processes")).body(deployed);
    }
}
