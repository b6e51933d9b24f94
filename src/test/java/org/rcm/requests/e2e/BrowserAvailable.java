package org.rcm.requests.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the browser tests only where Debian's Chromium and ChromeDriver are installed. Elsewhere they are skipped
 * with a message that says how to enable them, except where {@code E2E_REQUIRED=true} (CI, set by {@code .ci/run}):
 * there a missing browser fails the build, so that the journeys cannot silently stop being tested.
 */
class BrowserAvailable implements ExecutionCondition {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserAvailable.class);

    static final String MISSING = "Browser tests skipped: install Debian's chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver) or run .ci/run";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Path> missing = BrowserPaths.fromSystem().all().stream().filter(path -> !Files.isExecutable(path))
                .toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
        }
        String message = MISSING + " (missing: " + missing + ")";
        if (required()) {
            throw new IllegalStateException("E2E_REQUIRED=true: failing instead of skipping. " + message);
        }
        // Maven's summary shows only a count of skipped tests; the log line says why and what to do
        LOG.warn(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static boolean required() {
        return Boolean.parseBoolean(System.getenv("E2E_REQUIRED"))
                || Boolean.parseBoolean(System.getProperty("e2e.required"));
    }
}
