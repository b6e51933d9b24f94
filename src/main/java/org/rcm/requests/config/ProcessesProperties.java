package org.rcm.requests.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code app.processes-dir}: the folder of BPMN, DMN and form files that the application deploys. */
@ConfigurationProperties("app")
public record ProcessesProperties(String processesDir) {

    public ProcessesProperties {
        processesDir = processesDir == null || processesDir.isBlank() ? "processes" : processesDir;
    }
}
