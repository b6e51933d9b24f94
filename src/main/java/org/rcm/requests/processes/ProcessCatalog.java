package org.rcm.requests.processes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.rcm.requests.config.ModelProblem;
import org.rcm.requests.config.ProcessDeployer;
import org.rcm.requests.config.ProcessFiles;
import org.springframework.stereotype.Component;

/**
 * What a process owner sees: every process and decision with its versions (and the requests running on each), and
 * the files of {@code processes/} that differ from what is deployed; checking and deploying them.
 */
@Component
public class ProcessCatalog {

    public record Version(int version, String versionTag, String definitionId, Date deployedAt, long running) {
    }

    public record Definition(String key, String name, String kind, List<Version> versions) {

        public int latestVersion() {
            return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        }

        /** What a migration starts from by default: the oldest earlier version with running requests. */
        public int firstRunningVersion() {
            return versions.stream().filter(version -> version.running() > 0 && version.version() != latestVersion())
                    .mapToInt(Version::version).findFirst().orElse(versions.isEmpty() ? 0 : versions.get(0).version());
        }
    }

    public record FileState(String file, ProcessFiles.State state) {
    }

    public record Overview(List<Definition> processes, List<Definition> decisions, List<FileState> files) {

        public boolean changed() {
            return files.stream().anyMatch(file -> file.state() != ProcessFiles.State.UNCHANGED);
        }
    }

    public record Deployed(List<String> files, List<Definition> processes, List<ModelProblem> problems) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessDeployer deployer;
    private final ProcessFiles processFiles;

    ProcessCatalog(RepositoryService repository, RuntimeService runtime, ProcessDeployer deployer,
                   ProcessFiles processFiles) {
        this.repository = repository;
        this.runtime = runtime;
        this.deployer = deployer;
        this.processFiles = processFiles;
    }

    public Overview overview() {
        List<FileState> files = new ArrayList<>();
        processFiles.states(ProcessFiles.read(folder()))
                .forEach((file, state) -> files.add(new FileState(file, state)));
        Map<String, Date> deployedAt = deploymentTimes();
        return new Overview(processes(deployedAt), decisions(deployedAt), files);
    }

    public List<ModelProblem> check() {
        return deployer.check(folder());
    }

    /** Only the changed files, in one deployment, after every check; nothing when any file has a problem. */
    public Deployed deploy() {
        ProcessDeployer.Result result = deployer.deployAllOrNothing(folder());
        return new Deployed(result.deployed(), result.refused().isEmpty() ? processes(deploymentTimes()) : List.of(),
                result.refused());
    }

    private Path folder() {
        return deployer.folder();
    }

    private List<Definition> processes(Map<String, Date> deployedAt) {
        Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion()
                .asc().list().forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>())
                        .add(definition));
        List<Definition> definitions = new ArrayList<>();
        byKey.forEach((key, versions) -> definitions.add(new Definition(key, versions.get(versions.size() - 1)
                .getName(), "process", versions.stream().map(definition -> new Version(definition.getVersion(),
                definition.getVersionTag(), definition.getId(), deployedAt.get(definition.getDeploymentId()),
                runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count())).toList())));
        return definitions;
    }

    private List<Definition> decisions(Map<String, Date> deployedAt) {
        Map<String, List<DecisionDefinition>> byKey = new LinkedHashMap<>();
        repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
                .orderByDecisionDefinitionVersion().asc().list().forEach(definition ->
                        byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(definition));
        List<Definition> definitions = new ArrayList<>();
        byKey.forEach((key, versions) -> definitions.add(new Definition(key, versions.get(versions.size() - 1)
                .getName(), "decision", versions.stream().map(definition -> new Version(definition.getVersion(),
                definition.getVersionTag(), definition.getId(), deployedAt.get(definition.getDeploymentId()), 0))
                .toList())));
        return definitions;
    }

    private Map<String, Date> deploymentTimes() {
        Map<String, Date> times = new LinkedHashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            times.put(deployment.getId(), deployment.getDeploymentTime());
        }
        return times;
    }
}
