package org.rcm.requests.processes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Builds the engine's migration plan between two versions and tries it on every running instance of the source
 * version. Activities are mapped by id ({@code mapEqualActivities}); an event's trigger is replaced only where the
 * target changed it ({@link ModelChanges#triggerChanged}).
 */
@Component
class MigrationPlanner {

    /** The engine's plan (null when the engine refused it) and what it does to the running instances. */
    record Prepared(MigrationPlan engine, Plan plan) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final MigrationDryRun dryRun;

    MigrationPlanner(RepositoryService repository, RuntimeService runtime, MigrationDryRun dryRun) {
        this.repository = repository;
        this.runtime = runtime;
        this.dryRun = dryRun;
    }

    Prepared prepare(String key, int fromVersion, int toVersion) {
        if (fromVersion == toVersion) {
            throw new InvalidMigrationException("La versión de origen y la de destino son la misma (" + fromVersion
                    + ") / the source and target versions are the same (" + fromVersion + ")");
        }
        ProcessDefinition source = definition(key, fromVersion);
        ProcessDefinition target = definition(key, toVersion);
        ModelChanges changes = new ModelChanges(repository.getBpmnModelInstance(source.getId()),
                repository.getBpmnModelInstance(target.getId()));
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .list().stream().sorted(Comparator.comparing(ProcessInstance::getBusinessKey,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<Plan.InputChange> inputChanges = new ArrayList<>();
        MigrationPlan engine;
        try {
            MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
            for (MigrationInstruction equal : runtime.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().build().getInstructions()) {
                String from = equal.getSourceActivityId();
                String to = equal.getTargetActivityId();
                MigrationInstructionBuilder instruction = builder.mapActivities(from, to);
                builder = changes.triggerChanged(from, to) ? instruction.updateEventTrigger() : instruction;
                inputChanges.addAll(changes.inputChanges(from, to));
            }
            engine = builder.build();
        } catch (MigrationPlanValidationException e) {
            List<String> failures = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
                    failures.add(report.getMigrationInstruction().getSourceActivityId() + " → "
                            + report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
            List<Plan.Instance> instances = running.stream().map(instance -> new Plan.Instance(instance.getId(),
                    instance.getBusinessKey(), false, failures)).toList();
            return new Prepared(null, new Plan(key, fromVersion, toVersion,
                    instructions(e.getValidationReport().getMigrationPlan()), failures, inputChanges, instances));
        }
        List<Plan.Instance> instances = running.stream().map(instance -> {
            List<String> reasons = dryRun.reasons(engine, instance.getId());
            return new Plan.Instance(instance.getId(), instance.getBusinessKey(), reasons.isEmpty(), reasons);
        }).toList();
        return new Prepared(engine, new Plan(key, fromVersion, toVersion, instructions(engine), List.of(),
                inputChanges, instances));
    }

    private static List<Plan.Instruction> instructions(MigrationPlan plan) {
        return plan.getInstructions().stream().map(instruction -> new Plan.Instruction(
                instruction.getSourceActivityId(), instruction.getTargetActivityId(),
                instruction.isUpdateEventTrigger())).toList();
    }

    private ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).withoutTenantId().singleResult();
        if (definition == null) {
            throw new InvalidMigrationException("No existe la versión " + version + " de " + key + " / there is no "
                    + "version " + version + " of " + key);
        }
        return definition;
    }
}
