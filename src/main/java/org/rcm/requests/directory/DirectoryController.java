package org.rcm.requests.directory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/directory}: the organizations and countries requests can go to, the Troika, and the current focal
 * points per country and topic (a request on a topic goes to them).
 */
@RestController
class DirectoryController {

    private final Directory directory;
    private final Troika troika;
    private final FocalPoints focalPoints;

    DirectoryController(Directory directory, Troika troika, FocalPoints focalPoints) {
        this.directory = directory;
        this.troika = troika;
        this.focalPoints = focalPoints;
    }

    record DirectoryView(List<Party> parties, List<String> troika, List<FocalPoint> focalPoints) {
    }

    @GetMapping("/api/directory")
    DirectoryView directory() {
        return new DirectoryView(directory.all(), troika.codes(), focalPoints.current());
    }
}
