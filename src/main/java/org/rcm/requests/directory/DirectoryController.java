package org.rcm.requests.directory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/directory}: the organizations and countries requests can go to, and the Troika. */
@RestController
class DirectoryController {

    private final Directory directory;
    private final Troika troika;

    DirectoryController(Directory directory, Troika troika) {
        this.directory = directory;
        this.troika = troika;
    }

    record DirectoryView(List<Party> parties, List<String> troika) {
    }

    @GetMapping("/api/directory")
    DirectoryView directory() {
        return new DirectoryView(directory.all(), troika.codes());
    }
}
