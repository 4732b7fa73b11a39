package io.flagstaff.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension that forces Flagstaff flags for each test. Registered by
 * {@link EnableFeatures}, {@link DisableFeatures}, {@link WithVariant},
 * {@link FeatureMatrix} and {@link GlobalOverrides} (or explicitly with
 * {@code @ExtendWith(FlagstaffExtension.class)}).
 *
 * <p>
 * Per test it finds the {@code Flagstaff} to override (a {@link FlagstaffUnderTest}
 * field, the only {@code Flagstaff} field, the Spring application context's bean, or the
 * configured {@link FlagstaffProvider}) and forces the declared states in an
 * {@link io.flagstaff.OverrideScope override scope} of the test's own, entered on the
 * test's thread: other tests of the same {@code Flagstaff}, running at the same time, do
 * not see them. In a Spring test the scope also reaches the application through the HTTP
 * clients of the test's application context, which send its identifier in the header
 * {@value #SCOPE_HEADER}. With {@link GlobalOverrides} (or the configuration parameter
 * {@value #OVERRIDES_PROPERTY}{@code =global}) the states go to
 * {@link io.flagstaff.Flagstaff#overrides()} instead, visible to every thread, and the
 * test holds that {@code Flagstaff}'s exclusive lock. After the test (passed or failed)
 * the scope is closed, or each touched global override restored, and the lock released.
 * It resolves {@link FeatureFlags} and {@link FeatureStates} parameters.
 *
 * <p>
 * The extension keeps no state of its own: everything lives in JUnit's
 * {@link ExtensionContext.Store}, except the table of per-{@code Flagstaff} locks, which
 * it shares with the Spring support.
 */
public final class FlagstaffExtension implements BeforeEachCallback, BeforeTestExecutionCallback, AfterEachCallback,
		ParameterResolver, TestTemplateInvocationContextProvider {

	/**
	 * The configuration parameter naming the {@link FlagstaffProvider} class of the
	 * default {@code Flagstaff}.
	 */
	public static final String DEFAULT_PROVIDER_PROPERTY = "flagstaff.junit.default-provider";

	/**
	 * The configuration parameter choosing where forced states live: {@code scoped} (the
	 * default: in each test's own override scope) or {@code global} (in the
	 * {@code Flagstaff}'s overrides, one test at a time, as {@link GlobalOverrides}).
	 */
	public static final String OVERRIDES_PROPERTY = "flagstaff.junit.overrides";

	/**
	 * The HTTP header carrying a test's override scope identifier from the clients of a
	 * Spring test's application context to its server. Honoured only by application
	 * contexts built by Spring's TestContext with this library on the class path; a
	 * client the test builds itself can send it too, with the value of
	 * {@code flagstaff.currentScope().id()}.
	 */
	public static final String SCOPE_HEADER = "Flagstaff-Test-Scope";

	static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlagstaffExtension.class);

	/**
	 * Creates the extension; JUnit does this when an annotation registers it.
	 */
	public FlagstaffExtension() {
	}

	/**
	 * Finds the target and forces the declared states, unless the target is not reachable
	 * yet (a field that a {@code @BeforeEach} method assigns): then that happens just
	 * before the test method runs.
	 * @param context the test's extension context
	 * @throws InterruptedException when interrupted while waiting for the evaluator's
	 * lock
	 */
	@Override
	public void beforeEach(ExtensionContext context) throws InterruptedException {
		TestScope.of(context).open(false);
	}

	/**
	 * Makes sure the declared states are in force, failing the test when they name flags
	 * but no {@code Flagstaff} can be found.
	 * @param context the test's extension context
	 * @throws InterruptedException when interrupted while waiting for the evaluator's
	 * lock
	 */
	@Override
	public void beforeTestExecution(ExtensionContext context) throws InterruptedException {
		TestScope scope = TestScope.of(context);
		scope.open(scope.declaresStates());
	}

	/**
	 * Restores the overrides the test changed and releases the evaluator's lock.
	 * @param context the test's extension context
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		TestScope.of(context).close();
	}

	/**
	 * Supports {@link FeatureFlags} and {@link FeatureStates} parameters.
	 * @param parameterContext the parameter
	 * @param extensionContext the extension context
	 * @return whether the parameter is one of those types
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == FeatureFlags.class || type == FeatureStates.class;
	}

	/**
	 * Resolves the test's {@link FeatureFlags} handle, or its {@link FeatureStates}: the
	 * current combination in a {@link FeatureMatrix} test, the declared states otherwise.
	 * @param parameterContext the parameter
	 * @param extensionContext the extension context
	 * @return the handle or the states
	 * @throws ParameterResolutionException outside a test method and its
	 * {@code @BeforeEach}/{@code @AfterEach} methods
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (extensionContext.getTestMethod().isEmpty()) {
			throw new ParameterResolutionException(type.getSimpleName() + " belongs to one test, but "
					+ parameterContext.getDeclaringExecutable() + " runs for a whole class: inject it into a @Test,"
					+ " @BeforeEach or @AfterEach method, or use @EnableFeatures/@DisableFeatures on the class");
		}
		TestScope scope = TestScope.of(extensionContext);
		if (type == FeatureFlags.class) {
			return new DefaultFeatureFlags(scope);
		}
		Optional<Map<String, ForcedState>> combination = MatrixInvocation.combination(extensionContext);
		if (combination.isPresent()) {
			Map<String, String> states = new LinkedHashMap<>();
			combination.get().forEach((key, state) -> states.put(key, state.state()));
			return new FeatureStates(states);
		}
		return scope.declaredStates();
	}

	/**
	 * Supports methods annotated {@link FeatureMatrix}.
	 * @param context the template's extension context
	 * @return whether the method is a feature matrix
	 */
	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return AnnotationSupport.isAnnotated(context.getTestMethod(), FeatureMatrix.class);
	}

	/**
	 * Provides one invocation per combination of the matrix's flag states.
	 * @param context the template's extension context
	 * @return the invocations
	 */
	@Override
	public Stream<? extends TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
			ExtensionContext context) {
		return MatrixInvocation.of(context).stream();
	}

}
