package org.rcm.requests.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The domain's meters ({@code app.metrics}): gauges read the registry and the engine at most once per {@code refresh},
 * however often they are scraped.
 */
@ConfigurationProperties("app.metrics")
public record MetricsProperties(Duration refresh) {

    public MetricsProperties {
        refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
    }
}
