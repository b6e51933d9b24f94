package org.rcm.requests.processes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the engine can move one instance by a plan, and its reasons if not. The engine validates instances only
 * as it migrates them ({@code /migration/validate} checks the plan alone), so this migrates the instance in a
 * transaction that is rolled back (the engine's commands join the application's). A plugin, for the engine's command
 * executor: the migration runs inside a command of this class, which catches the validation failure, so that the
 * engine does not log each instance that cannot move as an error of its own.
 */
@Component
class MigrationDryRun extends AbstractProcessEnginePlugin {

    private final TransactionTemplate transaction;
    private ProcessEngineConfigurationImpl engine;

    MigrationDryRun(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
    }

    /** The engine's reasons why this instance cannot move; empty if it can. */
    List<String> reasons(MigrationPlan plan, String processInstanceId) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            try {
                return engine.getCommandExecutorTxRequired().execute(context -> {
                    try {
                        engine.getRuntimeService().newMigration(plan).processInstanceIds(processInstanceId).execute();
                        return List.<String>of();
                    } catch (MigratingProcessInstanceValidationException e) {
                        return reasons(e.getValidationReport());
                    }
                });
            } catch (ProcessEngineException e) {
                return List.of(e.getMessage());
            }
        });
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures()
                .forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures()
                .forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure)));
        return reasons;
    }
}
