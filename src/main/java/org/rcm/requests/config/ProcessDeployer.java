package org.rcm.requests.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} from the file system at start-up. Only changed files make new versions. A file the
 * engine refuses, or that {@link ModelChecker} finds broken, is left out with an error naming the file and the
 * element; the others deploy, and running requests keep the versions they started on.
 */
@Component
public class ProcessDeployer {

    static final String DEPLOYMENT_NAME = "processes";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final ProcessesProperties properties;
    private final ModelChecker checker;

    ProcessDeployer(RepositoryService repository, ProcessesProperties properties, ListableBeanFactory beans) {
        this.repository = repository;
        this.properties = properties;
        this.checker = new ModelChecker(beans::containsBean, properties.processesAllowScripts());
    }

    /** What one deployment run did. */
    public record Result(List<String> deployed, List<ModelProblem> refused) {
    }

    /** First of the start-up listeners: the demo meeting's drafts start processes of these models. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public Result deploy() {
        return deploy(Path.of(properties.processesDir()));
    }

    public Result deploy(Path folder) {
        Map<String, byte[]> files = read(folder);
        List<ModelProblem> refused = new ArrayList<>(check(files));
        refused.forEach(problem -> files.remove(problem.file()));
        while (!files.isEmpty()) {
            try {
                DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                        .source(folder.toString()).enableDuplicateFiltering(true);
                files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
                DeploymentWithDefinitions result = deployment.deployWithResult();
                LOG.info("Deployed {} from {}: new versions of {} process(es) and {} decision(s); unchanged files "
                                + "keep their versions", files.keySet(), folder.toAbsolutePath(),
                        count(result.getDeployedProcessDefinitions()), count(result.getDeployedDecisionDefinitions()));
                break;
            } catch (ParseException e) {
                List<ModelProblem> problems = problems(e);
                if (problems.isEmpty() || problems.stream().noneMatch(p -> files.containsKey(p.file()))) {
                    throw e;
                }
                refused.addAll(problems);
                problems.forEach(problem -> files.remove(problem.file()));
            }
        }
        refused.forEach(problem -> LOG.error("Not deployed: {}. The versions deployed before stay in use; "
                + "correct the file in Camunda Modeler and restart.", problem));
        return new Result(List.copyOf(files.keySet()), refused);
    }

    private static int count(List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }

    private List<ModelProblem> check(Map<String, byte[]> files) {
        List<String> formIds = new ArrayList<>();
        List<ModelProblem> problems = new ArrayList<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                try {
                    formIds.add(JSON.readTree(content).path("id").asText());
                } catch (IOException e) {
                    problems.add(new ModelProblem(name, null, "not a valid form (JSON): " + e.getMessage()));
                }
            }
        });
        files.forEach((name, content) -> {
            if (name.endsWith(".bpmn")) {
                problems.addAll(checker.checkBpmn(name, content, formIds));
            } else if (name.endsWith(".dmn")) {
                problems.addAll(checker.checkDmn(name, content));
            }
        });
        return problems;
    }

    private static List<ModelProblem> problems(ParseException e) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(error -> problems.add(new ModelProblem(report.getResourceName(),
                    error.getMainElementId(), error.getMessage() + " (line " + error.getLine() + ")")));
        }
        return problems;
    }

    private static Map<String, byte[]> read(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            LOG.warn("No processes folder at {}: nothing deployed", folder.toAbsolutePath());
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
}
