package org.rcm.requests.config;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys {@code processes/}: at start-up, and when a process owner deploys from the Processes page. Only what
 * changed makes new versions ({@link ProcessFiles}: a model with the forms it names). Every file is checked first
 * ({@link DeploymentCheckPlugin}, the same check every deployment gets, and the engine's own parse). At start-up a
 * file that fails is left out with an error naming the file and the element, and the others deploy; from the page,
 * nothing deploys while any file fails. Running requests keep the versions they started on until they are migrated.
 */
@Component
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "processes";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final ProcessesProperties properties;
    private final DeploymentCheckPlugin checks;
    private final ProcessFiles processFiles;
    private final ProcessEngineConfigurationImpl engine;
    private final TransactionTemplate rollingBack;

    ProcessDeployer(RepositoryService repository, ProcessesProperties properties, DeploymentCheckPlugin checks,
                    ProcessFiles processFiles, ProcessEngineConfigurationImpl engine,
                    PlatformTransactionManager transactions) {
        this.repository = repository;
        this.properties = properties;
        this.checks = checks;
        this.processFiles = processFiles;
        this.engine = engine;
        this.rollingBack = new TransactionTemplate(transactions);
    }

    /** What one deployment run did: the files deployed, and the problems of those left out. */
    public record Result(List<String> deployed, List<ModelProblem> refused) {
    }

    public Path folder() {
        return Path.of(properties.processesDir());
    }

    /** First of the start-up listeners: the demo meeting's drafts start processes of these models. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public Result deploy() {
        return deploy(folder());
    }

    /** Deploys what changed and passes its checks; leaves out, and logs, what does not. */
    public Result deploy(Path folder) {
        Map<String, byte[]> files = ProcessFiles.read(folder);
        if (files.isEmpty()) {
            LOG.warn("No models in {}: nothing deployed", folder.toAbsolutePath());
        }
        List<ModelProblem> refused = new ArrayList<>();
        for (List<ModelProblem> found = problems(files); !found.isEmpty(); found = problems(files)) {
            refused.addAll(found);
            found.forEach(problem -> files.remove(problem.file()));
        }
        Map<String, byte[]> changed = processFiles.toDeploy(files);
        List<String> deployed = changed.isEmpty() ? List.of() : deployNow(changed, folder);
        refused.forEach(problem -> LOG.error("Not deployed: {}. The versions deployed before stay in use; "
                + "correct the file in Camunda Modeler and deploy it again.", problem));
        return new Result(deployed, refused);
    }

    /** Deploys what changed only if every file of the folder passes every check; otherwise nothing. */
    public Result deployAllOrNothing(Path folder) {
        Map<String, byte[]> files = ProcessFiles.read(folder);
        List<ModelProblem> problems = problems(files);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        Map<String, byte[]> changed = processFiles.toDeploy(files);
        return new Result(changed.isEmpty() ? List.of() : deployNow(changed, folder), List.of());
    }

    /** The application's checks and the engine's parse of every file of the folder, deploying nothing. */
    public List<ModelProblem> check(Path folder) {
        return problems(ProcessFiles.read(folder));
    }

    private List<ModelProblem> problems(Map<String, byte[]> files) {
        List<ModelProblem> problems = new ArrayList<>(checks.check(files));
        if (problems.isEmpty() && !files.isEmpty()) {
            problems.addAll(engineParse(files));
        }
        return problems;
    }

    /** The engine parses a deployment of the files in a transaction that is rolled back. */
    private List<ModelProblem> engineParse(Map<String, byte[]> files) {
        List<ModelProblem> problems = new ArrayList<>();
        rollingBack.executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            try {
                DeploymentWithDefinitions trial = builder(files, "check").deployWithResult();
                // the engine caches what it parsed; the trial's definitions must not outlive its transaction
                engine.getCommandExecutorTxRequired().execute(context -> {
                    engine.getDeploymentCache().removeDeployment(trial.getId());
                    return null;
                });
            } catch (ParseException e) {
                problems.addAll(problems(e));
            } catch (BadUserRequestException e) {
                problems.add(new ModelProblem(String.join(", ", files.keySet()), null, e.getMessage()));
            }
        });
        return problems;
    }

    private List<String> deployNow(Map<String, byte[]> files, Path folder) {
        DeploymentWithDefinitions result = builder(files, folder.toString()).deployWithResult();
        LOG.info("Deployed {} from {}: new versions of {} process(es) and {} decision(s); unchanged files keep "
                        + "their versions", files.keySet(), folder.toAbsolutePath(),
                count(result.getDeployedProcessDefinitions()), count(result.getDeployedDecisionDefinitions()));
        return List.copyOf(files.keySet());
    }

    private DeploymentBuilder builder(Map<String, byte[]> files, String source) {
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(source);
        new LinkedHashMap<>(files).forEach((name, content) ->
                deployment.addInputStream(name, new ByteArrayInputStream(content)));
        return deployment;
    }

    private static int count(List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }

    private static List<ModelProblem> problems(ParseException e) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(error -> problems.add(new ModelProblem(report.getResourceName(),
                    error.getMainElementId(), error.getMessage() + " (line " + error.getLine() + ")")));
        }
        return problems;
    }
}
