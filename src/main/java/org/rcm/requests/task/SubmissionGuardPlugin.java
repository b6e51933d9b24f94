package org.rcm.requests.task;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Every way of completing a task or submitting a start form — Tasklist, {@code /engine-rest} ({@code complete},
 * {@code submit-form}, {@code resolve}) and the Java API — goes through the engine's task and form services; this
 * plugin gives the engine services that first check the submission against the form ({@link SubmissionCheck}). A
 * refused field, or a listener's refusal of a value (an {@link IllegalArgumentException} naming the field), becomes a
 * {@link RefusedSubmission}, which the REST API answers with 400. Writing variables any other way is a matter
 * of authorization (docs/security.md, "Authorizations"). The engine's internal command classes are reached here only.
 */
@Component
public class SubmissionGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        GuardedFormService forms = new GuardedFormService(configuration);
        configuration.setFormService(forms);
        configuration.setTaskService(new GuardedTaskService(forms));
    }

    static class GuardedTaskService extends TaskServiceImpl {

        private final GuardedFormService forms;

        GuardedTaskService(GuardedFormService forms) {
            this.forms = forms;
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            forms.taskSubmission(taskId, variables, checked -> new CompleteTaskCmd(taskId, checked, false, false));
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                         boolean deserializeValues) {
            return forms.taskSubmission(taskId, variables, checked ->
                    new CompleteTaskCmd(taskId, checked, true, deserializeValues));
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            forms.taskSubmission(taskId, variables, checked -> new ResolveTaskCmd(taskId, checked));
        }
    }

    /**
     * Form submissions go through the engine's plain completion and start: its form commands would also write each
     * submitted value into the history as a form property, which a long text does not fit (and the variable updates
     * are the history this application reads).
     */
    static class GuardedFormService extends FormServiceImpl {

        private final ProcessEngineConfigurationImpl configuration;
        private final FormFieldsCache fields = new FormFieldsCache();

        GuardedFormService(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            taskSubmission(taskId, properties, checked -> new CompleteTaskCmd(taskId, checked, false, false));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                               boolean deserializeValues) {
            return taskSubmission(taskId, properties, checked ->
                    new CompleteTaskCmd(taskId, checked, true, deserializeValues));
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
            return submitStartForm(processDefinitionId, null, properties);
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                               Map<String, Object> properties) {
            Map<String, Object> checked = properties == null || properties.isEmpty() ? Map.of()
                    : refusalsAsBadRequests(() -> commandExecutor.execute(context -> {
                        StartFormData form = new GetStartFormCmd(processDefinitionId).execute(context);
                        return checked(context, form.getCamundaFormRef(), form.getFormKey(), form.getDeploymentId(),
                                properties, name -> null);
                    }));
            return refusalsAsBadRequests(() -> configuration.getRuntimeService()
                    .createProcessInstanceById(processDefinitionId).businessKey(businessKey)
                    .setVariables(checked).execute());
        }

        /**
         * Checks a task's submission and runs the engine's command for it, in one command: the task is read once, its
         * form's fields come from a cache by form definition (a deployed form never changes), and the candidate's
         * permission is checked once: by the completion, or before a refusal says anything of the form. The
         * accepted fields are kept in the task's own scope ({@link #answerScope}).
         */
        <T> T taskSubmission(String taskId, Map<String, Object> submitted,
                             Function<Map<String, Object>, Command<T>> command) {
            return refusalsAsBadRequests(() -> commandExecutor.execute(context -> {
                TaskEntity task = submitted == null || submitted.isEmpty() ? null
                        : context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    return command.apply(submitted).execute(context);
                }
                Map<String, Object> checked = checked(context, task, submitted);
                ExecutionEntity scope = answerScope(task);
                if (scope == null) {
                    return command.apply(checked).execute(context);
                }
                // set before the completion checks the permission: a refused completion rolls them back with it;
                // written as by the task (the history records each change under the task's activity)
                VariableMap values = org.camunda.bpm.engine.variable.Variables.fromMap(checked);
                for (String name : values.keySet()) {
                    scope.setVariableLocal(name, values.getValueTyped(name), task.getExecution(), false);
                }
                return command.apply(Map.of()).execute(context);
            }));
        }

        /**
         * Where a task's answer is kept: in the scope the task is in — one recipient, one Troika country, or the whole
         * request for a task at the top of the model — as if the sub-process declared each field. The engine would
         * write a field where a variable of its name exists, or else on the whole request, where one recipient's
         * answer would overwrite another's; declaring every field of every form on its sub-process cost each request
         * dozens of empty variables and their history (docs/performance.md).
         */
        static ExecutionEntity answerScope(TaskEntity task) {
            ExecutionEntity execution = task.getExecution();
            if (execution == null || execution.getActivity() == null) {
                return null;
            }
            return (ExecutionEntity) execution.findExecutionForFlowScope(execution.getActivity().getFlowScope());
        }

        private Map<String, Object> checked(CommandContext context, TaskEntity task, Map<String, Object> submitted) {
            task.initializeFormKey();
            try {
                return checked(context, task.getCamundaFormRef(), task.getFormKey(),
                        task.getProcessDefinition() == null ? null : task.getProcessDefinition().getDeploymentId(),
                        submitted, task::getVariable);
            } catch (RuntimeException refused) {
                // someone who may not work on the task learns nothing of its form: refused as the completion would
                // refuse them (an accepted submission goes on to the completion, which checks it itself)
                context.getProcessEngineConfiguration().getCommandCheckers()
                        .forEach(checker -> checker.checkTaskWork(task));
                throw refused;
            }
        }

        /** A submission checked against the fields of its form (a Camunda Form; any other form declares none). */
        private Map<String, Object> checked(CommandContext context, CamundaFormRef form, String formKey,
                                            String deploymentId, Map<String, Object> submitted,
                                            Function<String, Object> current) {
            String name = form != null ? form.getKey() : formKey;
            try {
                return SubmissionCheck.check(name == null ? "(sin formulario / no form)" : name,
                        form == null ? Map.of() : fields.of(context, form, deploymentId), submitted, current)
                        .variables();
            } catch (SubmissionRefused refused) {
                throw new RefusedSubmission(refused);
            }
        }
    }

    /** The fields of each deployed Camunda Form, read once per form definition. */
    static class FormFieldsCache {

        private final Map<String, Map<String, FormField>> byDefinition = new ConcurrentHashMap<>();

        Map<String, FormField> of(CommandContext context, CamundaFormRef form, String deploymentId) {
            CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(form, deploymentId).execute(context);
            if (definition == null) {
                throw new IllegalStateException("form " + form.getKey() + " is not deployed");
            }
            return byDefinition.computeIfAbsent(definition.getId(), id -> {
                ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
                        definition.getDeploymentId(), definition.getResourceName());
                try (InputStream json = new ByteArrayInputStream(resource.getBytes())) {
                    return FormFields.read(json);
                } catch (IOException e) {
                    throw new UncheckedIOException("form " + definition.getResourceName() + " cannot be read", e);
                }
            });
        }
    }

    /** A value refused by a listener is the user's mistake (400), not the engine's (500). */
    private static <T> T refusalsAsBadRequests(Supplier<T> call) {
        try {
            return call.get();
        } catch (RefusedSubmission e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException refused) {
                    throw new RefusedSubmission(refused);
                }
            }
            throw e;
        }
    }

    /**
     * The engine's form validation error: the REST API answers it with 400 (any other engine error with 500) and
     * Tasklist shows its message on the form.
     */
    public static class RefusedSubmission extends FormFieldValidationException {

        RefusedSubmission(IllegalArgumentException refused) {
            super(refused.getMessage(), refused.getMessage(), refused);
        }
    }
}
