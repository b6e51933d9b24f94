package org.rcm.requests.task;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link TasklistLanguage} on the engine API of the webapps (Tasklist's task lists, forms and filters). */
@Configuration(proxyBeanMethods = false)
class TasklistLanguageConfig {

    @Bean
    FilterRegistrationBean<TasklistLanguage> tasklistLanguage(RepositoryService repository) {
        FilterRegistrationBean<TasklistLanguage> registration =
                new FilterRegistrationBean<>(new TasklistLanguage(repository));
        registration.setName("tasklist-language");
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
