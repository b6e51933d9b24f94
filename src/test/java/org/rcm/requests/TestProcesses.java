package org.rcm.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The models of {@code processes/} for tests that change or deploy them without touching the real folder. */
public final class TestProcesses {

    public static final Path FOLDER = Path.of("processes");

    private TestProcesses() {
    }

    /** A copy of {@code processes/} in a new temporary folder. */
    public static Path copy() {
        try {
            Path folder = Files.createTempDirectory("processes-");
            copyInto(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyInto(Path folder) {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forms of a folder of models, by file name: what a model is deployed with. */
    public static Map<String, String> forms(Path folder) {
        Map<String, String> forms = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path form : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                forms.put(form.getFileName().toString(), Files.readString(form));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
    }
}
