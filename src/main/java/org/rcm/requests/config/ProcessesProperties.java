package org.rcm.requests.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.processes-dir}: the folder of BPMN, DMN and form files that the application deploys;
 * {@code app.processes-allow-scripts}: whether those models may run scripts (off: a model with one is refused).
 */
@ConfigurationProperties("app")
public record ProcessesProperties(String processesDir, boolean processesAllowScripts) {

    public ProcessesProperties {
        processesDir = processesDir == null || processesDir.isBlank() ? "processes" : processesDir;
    }
}
