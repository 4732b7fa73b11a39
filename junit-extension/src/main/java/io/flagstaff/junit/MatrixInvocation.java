package io.flagstaff.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One invocation of a {@link FeatureMatrix} test: one combination of flag states. Named
 * after the combination ({@code [a=on, b=off]}) and recorded in the invocation's store
 * before it runs, where {@link TestScope} picks it up.
 */
final class MatrixInvocation implements TestTemplateInvocationContext {

	private static final String KEY = MatrixInvocation.class.getName();

	private final Map<String, ForcedState> combination;

	private MatrixInvocation(Map<String, ForcedState> combination) {
		this.combination = combination;
	}

	/**
	 * Returns the combinations of a matrix test, the first flag varying slowest.
	 * @param context the test template's extension context
	 * @return one invocation per combination
	 */
	static List<MatrixInvocation> of(ExtensionContext context) {
		Method method = context.getRequiredTestMethod();
		FeatureMatrix matrix = AnnotationSupport.findAnnotation(method, FeatureMatrix.class)
			.orElseThrow(() -> new ExtensionConfigurationException(Places.of(method) + " is not a @FeatureMatrix"));
		String place = "@FeatureMatrix on " + Places.of(method);
		Set<String> keys = new LinkedHashSet<>(List.of(matrix.value()));
		if (keys.isEmpty() || keys.size() != matrix.value().length) {
			throw new ExtensionConfigurationException(
					place + " must name at least one flag, each once, but names " + List.of(matrix.value()));
		}
		Optional<FeatureSnapshot> snapshot = snapshotForDiscovery(context, matrix, place);
		List<Map<String, ForcedState>> combinations = List.of(new LinkedHashMap<>());
		for (String key : keys) {
			List<ForcedState> states = statesOf(key, snapshot, matrix.variants(), place);
			List<Map<String, ForcedState>> next = new ArrayList<>();
			for (Map<String, ForcedState> combination : combinations) {
				for (ForcedState state : states) {
					Map<String, ForcedState> extended = new LinkedHashMap<>(combination);
					extended.put(key, state);
					next.add(extended);
				}
			}
			combinations = next;
		}
		return combinations.stream().map(MatrixInvocation::new).toList();
	}

	private static Optional<FeatureSnapshot> snapshotForDiscovery(ExtensionContext context, FeatureMatrix matrix,
			String place) {
		Optional<Flagstaff> target = Targets.find(context);
		if (target.isEmpty() && matrix.variants()) {
			throw new ExtensionConfigurationException(place + " sets variants = true, which reads the flags' variants"
					+ " before any test instance exists, but no Flagstaff is reachable yet: hold it in a static field,"
					+ " use Spring's TestContext or the default FlagstaffProvider, or add @TestInstance(PER_CLASS)");
		}
		return target.map(Flagstaff::snapshot);
	}

	private static List<ForcedState> statesOf(String key, Optional<FeatureSnapshot> snapshot, boolean variants,
			String place) {
		List<ForcedState> states = new ArrayList<>();
		if (snapshot.isPresent()) {
			FeatureDefinition definition = FlagChecks.definition(snapshot.get(), key, place);
			if (variants) {
				for (VariantDefinition variant : definition.variants()) {
					states.add(ForcedState.variant(variant.name(), place));
				}
			}
		}
		if (states.isEmpty()) {
			states.add(ForcedState.on(place));
		}
		states.add(ForcedState.off(place));
		return states;
	}

	/**
	 * Returns the combination recorded for a running invocation.
	 * @param context the invocation's extension context
	 * @return the combination, or empty outside a matrix invocation
	 */
	static Optional<Map<String, ForcedState>> combination(ExtensionContext context) {
		MatrixInvocation invocation = context.getStore(FlagstaffExtension.NAMESPACE).get(KEY, MatrixInvocation.class);
		return Optional.ofNullable(invocation).map((found) -> found.combination);
	}

	FeatureStates states() {
		Map<String, String> states = new LinkedHashMap<>();
		this.combination.forEach((key, state) -> states.put(key, state.state()));
		return new FeatureStates(states);
	}

	@Override
	public String getDisplayName(int invocationIndex) {
		return states().toString();
	}

	@Override
	public void prepareInvocation(ExtensionContext context) {
		context.getStore(FlagstaffExtension.NAMESPACE).put(KEY, this);
	}

}
