package org.rcm.requests.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Spring's scheduler, for periodic work outside the engine: the automatic mail the daily limit held. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
