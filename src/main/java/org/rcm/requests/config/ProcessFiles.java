package org.rcm.requests.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The files of {@code processes/} against what the engine has deployed: which are new or changed, and which files
 * must go into a deployment together. A model binds its forms by deployment (a running request keeps the forms it
 * started with), so a model goes with all the forms it names (its tasks' {@code camunda:formRef}s and its
 * {@code replyForm} properties), and a changed form takes its models along.
 */
@Component
public class ProcessFiles {

    public enum State { UNCHANGED, CHANGED, NEW }

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
    /** A reply form the model names as a property ({@code replyForm}): the reply page reads it from the deployment. */
    private static final Pattern REPLY_FORM = Pattern.compile(
            "<camunda:property\\s+name=\"" + ModelChecker.REPLY_FORM_PROPERTY + "\"\\s+value=\"([^\"$]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;

    ProcessFiles(RepositoryService repository) {
        this.repository = repository;
    }

    /** The models, decisions and forms of the folder, by file name, in name order. */
    public static Map<String, byte[]> read(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + folder.toAbsolutePath(), e);
        }
        return files;
    }

    /** Each file's state against the newest deployed resource of the same name. */
    public Map<String, State> states(Map<String, byte[]> files) {
        Map<String, byte[]> deployed = latestDeployed(files.keySet());
        Map<String, State> states = new LinkedHashMap<>();
        files.forEach((name, content) -> states.put(name, !deployed.containsKey(name) ? State.NEW
                : Arrays.equals(deployed.get(name), content) ? State.UNCHANGED : State.CHANGED));
        return states;
    }

    /** What to deploy: every new or changed file, each model with the forms it names, each form with its models. */
    public Map<String, byte[]> toDeploy(Map<String, byte[]> files) {
        Map<String, State> states = states(files);
        Map<String, String> formFiles = formFiles(files);
        Set<String> chosen = new LinkedHashSet<>();
        states.forEach((name, state) -> {
            if (state != State.UNCHANGED) {
                chosen.add(name);
            }
        });
        for (boolean grew = true; grew; ) {
            Set<String> before = new HashSet<>(chosen);
            files.forEach((name, content) -> {
                if (!name.endsWith(".bpmn")) {
                    return;
                }
                Set<String> bundle = new LinkedHashSet<>();
                bundle.add(name);
                formsNamedBy(content).stream().map(formFiles::get).filter(file -> file != null).forEach(bundle::add);
                if (bundle.stream().anyMatch(chosen::contains)) {
                    chosen.addAll(bundle);
                }
            });
            grew = !chosen.equals(before);
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        chosen.forEach(name -> result.put(name, files.get(name)));
        return result;
    }

    /** The id a Camunda Form declares, by which models name it ({@code camunda:formRef}). */
    static String formId(byte[] form) throws IOException {
        return JSON.readTree(form).path("id").asText();
    }

    private static List<String> formsNamedBy(byte[] model) {
        String text = new String(model, java.nio.charset.StandardCharsets.UTF_8);
        return Stream.concat(FORM_REF.matcher(text).results(), REPLY_FORM.matcher(text).results())
                .map(result -> result.group(1)).distinct().toList();
    }

    /** Form id to file name. */
    private static Map<String, String> formFiles(Map<String, byte[]> files) {
        Map<String, String> forms = new HashMap<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                try {
                    forms.put(formId(content), name);
                } catch (IOException e) {
                    // not a form: the deployment check names it
                }
            }
        });
        return forms;
    }

    private Map<String, byte[]> latestDeployed(Set<String> names) {
        Map<String, byte[]> found = new HashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
                if (names.contains(name) && !found.containsKey(name)) {
                    try (InputStream in = repository.getResourceAsStream(deployment.getId(), name)) {
                        found.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            if (found.size() == names.size()) {
                break;
            }
        }
        return found;
    }
}
