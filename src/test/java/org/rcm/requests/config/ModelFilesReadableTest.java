package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The models of {@code processes/} are saved indented, one element per line, as Camunda Modeler saves them, so that a
 * reviewer can read a process owner's change as a diff.
 */
class ModelFilesReadableTest {

    private static final int LONGEST_LINE = 1_000;

    @Test
    void noModelFileHasALineOverAThousandCharacters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() > LONGEST_LINE) {
                        tooLong.add(file.getFileName() + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                    }
                }
            }
        }
        assertThat(tooLong).as("lines over %d characters in processes/ (save the model indented)", LONGEST_LINE)
                .isEmpty();
    }
}
