package org.rcm.requests.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL, parsed once. The engine's FEEL engine parses every input expression and every rule's
 * test again at each evaluation, and the Troika's outcome table is asked after each answer: parsing and evaluating
 * were 6 % of the CPU in the lifecycle benchmark (docs/performance.md). This engine keeps each parsed expression (a
 * table's texts are few and never change once deployed) and reads an input expression that only names a variable
 * holding a text, number or yes/no straight from the variables, as FEEL would; everything else is the engine's FEEL.
 */
@Component
class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // the custom functions the engine adds are read when the DMN engine starts, after this
        dmn.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static class ParsedOnceFeelEngine extends ScalaFeelEngine {

        /** A FEEL name made of letters, digits and underscores, such as a table's {@code approvals}. */
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        /** Names FEEL reads as something else than a variable. */
        private static final Set<String> RESERVED = Set.of("true", "false", "null", "not", "and", "or", "between",
                "in", "instance", "of", "some", "every", "satisfies", "if", "then", "else", "for", "return",
                "function", "external");
        /** Parsed expressions and tests are kept up to this many; beyond, each is parsed at use. */
        static final int MAX_KEPT = 10_000;

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders == null ? List.of() : functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            Object plain = plainVariable(expression, variableContext);
            if (plain != null) {
                return (T) plain;
            }
            ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
            return (T) evaluated(parsed(expressions, expression, feelEngine::parseExpression), new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return variables;
                }
            });
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
                                                VariableContext variableContext) {
            StaticVariableProvider input = new StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<>(UnaryTests$.MODULE$.inputVariable(),
                            inputVariable));
            ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
            return BoxesRunTime.unboxToBoolean(evaluated(parsed(unaryTests, expression, feelEngine::parseUnaryTests),
                    new CustomContext() {
                        @Override
                        public VariableProvider variableProvider() {
                            return new CompositeVariableProvider(toScalaList(input, variables));
                        }
                    }));
        }

        /** The value of a variable the expression only names, when FEEL would give it unchanged; otherwise null. */
        private static Object plainVariable(String expression, VariableContext variableContext) {
            String name = expression == null ? "" : expression.strip();
            if (!NAME.matcher(name).matches() || RESERVED.contains(name) || !variableContext.containsVariable(name)) {
                return null;
            }
            TypedValue typed = variableContext.resolve(name);
            Object value = typed == null ? null : typed.getValue();
            return value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Short ? value : null;
        }

        private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> kept,
                                                                String expression,
                                                                Function<String, Either<Failure, ParsedExpression>> parse) {
            Either<Failure, ParsedExpression> parsed = kept.get(expression);
            if (parsed == null) {
                parsed = parse.apply(expression);
                if (kept.size() < MAX_KEPT) {
                    kept.put(expression, parsed);
                }
            }
            return parsed;
        }

        private Object evaluated(Either<Failure, ParsedExpression> parsed, CustomContext context) {
            if (parsed instanceof Left<Failure, ParsedExpression> failure) {
                throw failed(failure.value());
            }
            Either<Failure, Object> result = feelEngine.eval(parsed.toOption().get(), context);
            if (result instanceof Left<Failure, Object> failure) {
                throw failed(failure.value());
            }
            return result.toOption().get();
        }

        private static FeelException failed(Failure failure) {
            return LOGGER.evaluationException(failure.message());
        }
    }
}
