package org.rcm.requests.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Every new deployment is checked before the engine parses it, whichever way it comes: the application's start-up,
 * the Processes page, {@code /engine-rest/deployment/create} (Camunda Modeler's Deploy button). A model that would
 * break a running request ({@link ModelChecker}) is refused with the file and the element named: {@code 400} through
 * the REST API, nothing deployed. Deployments the engine reloads from its database are not checked again.
 */
@Component
class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

    private final ModelChecker checker;

    DeploymentCheckPlugin(ListableBeanFactory beans, ProcessesProperties properties) {
        this.checker = new ModelChecker(beans::containsBean, properties.processesAllowScripts());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this::check);
        configuration.setCustomPreDeployers(deployers);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            files.put(resource.getName(), resource.getBytes());
        }
        List<ModelProblem> problems = check(files);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Model refused, nothing deployed: " + String.join("; ",
                    problems.stream().map(ModelProblem::toString).toList()));
        }
    }

    /** The problems of the files of one deployment; forms bound as "latest" may also be deployed already. */
    List<ModelProblem> check(Map<String, byte[]> files) {
        List<String> formIds = new ArrayList<>();
        List<ModelProblem> problems = new ArrayList<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                try {
                    formIds.add(ProcessFiles.formId(content));
                } catch (IOException e) {
                    problems.add(new ModelProblem(name, null, "not a valid form (JSON): " + e.getMessage()));
                }
            }
        });
        files.forEach((name, content) -> {
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                problems.addAll(checker.checkBpmn(name, content, formIds, DeploymentCheckPlugin::formDeployed));
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                problems.addAll(checker.checkDmn(name, content));
            }
        });
        return problems;
    }

    private static boolean formDeployed(String formId) {
        return Context.getCommandContext() != null
                && Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId)
                != null;
    }
}
