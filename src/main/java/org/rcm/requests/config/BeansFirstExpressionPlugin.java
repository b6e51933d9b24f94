package org.rcm.requests.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The models name the application's beans in their expressions ({@code ${requestStates.recipient(execution, ...)}},
 * {@code ${sendRequestMailDelegate}}). The engine looks every name up among the process variables first, and that
 * reads the variables of each enclosing scope — the recipient's, the multi-instance body's, the request's, one query
 * each — before it reaches the bean: with the variable lookups it caused, 6 % of the CPU in the lifecycle benchmark
 * (docs/performance.md). Here the application's own beans (classes of {@code org.rcm.requests}) are found first,
 * then variables and the other beans as the engine finds them. {@link ModelChecker} refuses a model that would name
 * a variable like a bean, which the bean would hide.
 */
@Component
class BeansFirstExpressionPlugin extends AbstractProcessEnginePlugin {

    static final String APPLICATION_PACKAGE = "org.rcm.requests.";

    private final ApplicationContext application;

    BeansFirstExpressionPlugin(ApplicationContext application) {
        this.application = application;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(application, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new ApplicationBeansResolver(application));
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
    }

    /** Resolves a name at the root of an expression to the application bean of that name. */
    static class ApplicationBeansResolver extends ELResolver {

        private final ApplicationContext beans;
        /** Read at the first expression, once every bean is defined. */
        private volatile Set<String> names;

        ApplicationBeansResolver(ApplicationContext beans) {
            this.beans = beans;
        }

        private boolean isApplicationBean(Object base, Object property) {
            if (base != null || !(property instanceof String name)) {
                return false;
            }
            Set<String> known = names;
            if (known == null) {
                known = Arrays.stream(beans.getBeanDefinitionNames()).filter(this::definedHere)
                        .collect(Collectors.toUnmodifiableSet());
                names = known;
            }
            return known.contains(name);
        }

        private boolean definedHere(String name) {
            Class<?> type = beans.getType(name, false);
            return type != null && type.getName().startsWith(APPLICATION_PACKAGE);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (!isApplicationBean(base, property)) {
                return null;
            }
            context.setPropertyResolved(true);
            return beans.getBean((String) property);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (isApplicationBean(base, property)) {
                throw new PropertyNotWritableException("bean '" + property + "' cannot be replaced by an expression");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            if (isApplicationBean(base, property)) {
                context.setPropertyResolved(true);
                return true;
            }
            return false;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }

        @Override
        public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }
    }
}
