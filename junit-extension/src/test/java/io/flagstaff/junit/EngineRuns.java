package io.flagstaff.junit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes through the Jupiter engine with JUnit's EngineTestKit.
 */
final class EngineRuns {

	private EngineRuns() {
	}

	static EngineExecutionResults run(Class<?>... classes) {
		return run(Map.of(), classes);
	}

	static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
		EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
		for (Class<?> type : classes) {
			builder = builder.selectors(DiscoverySelectors.selectClass(type));
		}
		return builder.configurationParameters(parameters).execute();
	}

	/**
	 * Returns "display name: message" for every failed test or container.
	 */
	static List<String> failures(EngineExecutionResults results) {
		return results.allEvents().failed().stream().map(EngineRuns::describe).toList();
	}

	static List<String> succeededNames(EngineExecutionResults results) {
		return results.testEvents()
			.succeeded()
			.stream()
			.map((event) -> event.getTestDescriptor().getDisplayName())
			.toList();
	}

	private static String describe(Event event) {
		String message = event.getPayload(TestExecutionResult.class)
			.flatMap(TestExecutionResult::getThrowable)
			.map((throwable) -> throwable.getClass().getSimpleName() + ": " + throwable.getMessage())
			.orElse("failed");
		return event.getTestDescriptor().getDisplayName() + ": " + Objects.requireNonNull(message);
	}

}
