package io.lepton.embedded.junit;

import io.lepton.embedded.ApicurioRegistry;
import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.EmbeddedKafka;
import io.lepton.embedded.TestcontainersKafka;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that gives tests a real broker and registry: parameters of type
 * {@link EmbeddedEnvironment}, {@link EmbeddedKafka} or {@link ApicurioRegistry} are resolved to one environment
 * shared by every test class in the JVM.
 *
 * <p>Why shared: starting the pair costs several seconds, so it is started lazily on first use and kept in the root
 * context's store, where JUnit closes it once at the end of the run (also after failures). Tests must therefore
 * use their own topic and subject names. Under {@code -Pdocker} without a Docker engine the tests are skipped with
 * the reason, as an {@link ExecutionCondition}.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedEnvironmentExtension.class)
 * class MyIT {
 *     @Test void works(EmbeddedKafka kafka, ApicurioRegistry registry) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedEnvironmentExtension implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedEnvironmentExtension.class);
    private static final String KEY = "environment";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestcontainersKafka.unavailable().map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("broker available"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedEnvironment.class || type == EmbeddedKafka.class || type == ApicurioRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        EmbeddedEnvironment environment = environment(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == EmbeddedKafka.class) {
            return environment.kafka();
        }
        if (type == ApicurioRegistry.class) {
            return environment.registry();
        }
        return environment;
    }

    private static EmbeddedEnvironment environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(KEY, key -> EmbeddedEnvironment.start(), EmbeddedEnvironment.class);
    }
}
