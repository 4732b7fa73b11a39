package io.flagstaff.spring.diagnostics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.spring.FeatureStrategyException;
import io.flagstaff.spring.FlagstaffStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns Flagstaff's startup failures into Spring Boot's failure analysis (what went
 * wrong, what to do), in place of a stack trace: a {@link FlagstaffStartupException}, an
 * invalid flag document ({@link FeatureConfigException}, each problem with its path or
 * line and column and its fix), misconfigured strategy beans
 * ({@link FeatureStrategyException}) and a {@code flagstaff.*} property whose value does
 * not bind (naming the allowed values). Registered in {@code META-INF/spring.factories}
 * ahead of Spring Boot's analyzers, so that a Flagstaff failure wrapped in a bean
 * creation failure is explained by Flagstaff. Uses only types Spring Boot 3 and 4 share.
 * Stateless and thread-safe.
 */
public final class FlagstaffFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			FailureAnalysis analysis = analyzeOne(cause);
			if (analysis != null) {
				return analysis;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static @Nullable FailureAnalysis analyzeOne(Throwable cause) {
		if (cause instanceof FlagstaffStartupException startup) {
			return new FailureAnalysis(startup.getDescription(), startup.getAction(), startup);
		}
		if (cause instanceof FeatureConfigException config) {
			return configuration(config);
		}
		if (cause instanceof FeatureStrategyException strategy) {
			return new FailureAnalysis(
					"Flagstaff strategy beans do not fit their flags:" + lines(strategy.getProblems()),
					"Change each bean or flag as its problem says.", strategy);
		}
		if (cause instanceof BindException bind && bind.getName().toString().startsWith("flagstaff.")) {
			return binding(bind);
		}
		return null;
	}

	private static FailureAnalysis configuration(FeatureConfigException ex) {
		List<String> problems = ex.getProblems().stream().map(ConfigProblem::toString).toList();
		return new FailureAnalysis(
				"Flagstaff cannot use the flags of " + ex.getSource() + " (" + problems.size()
						+ ((problems.size() == 1) ? " problem" : " problems") + "):" + lines(problems),
				"Fix each problem at the place it names (a path such as features.<key>.rollout, or a line and "
						+ "column) in " + ex.getSource() + ", then start the application again.",
				ex);
	}

	private static FailureAnalysis binding(BindException ex) {
		String name = ex.getName().toString();
		ConfigurationProperty property = ex.getProperty();
		Object value = (property != null) ? property.getValue() : null;
		String origin = (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")"
				: "";
		Class<?> type = ex.getTarget().getType().resolve(Object.class);
		String description = name + "=" + value + origin;
		if (type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", "));
			return new FailureAnalysis(description + " is not one of the values Flagstaff knows",
					"Set " + name + " to one of: " + allowed + ".", ex);
		}
		Throwable reason = (ex.getCause() != null) ? ex.getCause() : ex;
		return new FailureAnalysis("Flagstaff cannot use " + description + ": " + reason.getMessage(),
				"Set " + name + " to a " + type.getSimpleName() + " value (see docs/spring-boot.md#properties).", ex);
	}

	private static String lines(List<String> problems) {
		return problems.stream().map((problem) -> "\n  - " + problem).collect(Collectors.joining());
	}

}
