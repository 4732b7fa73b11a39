package io.flagstaff.internal;

import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * Reads one attribute of a context, resolving the special names {@code userId},
 * {@code sessionId} and {@code environment} (the context's, else the evaluator's default)
 * once at compile time. Immutable.
 */
final class AttributeRef {

	private static final int USER_ID = 0;

	private static final int SESSION_ID = 1;

	private static final int ENVIRONMENT = 2;

	private static final int CUSTOM = 3;

	private final String name;

	private final int kind;

	AttributeRef(String name) {
		this.name = name;
		this.kind = switch (name) {
			case "userId" -> USER_ID;
			case "sessionId" -> SESSION_ID;
			case "environment" -> ENVIRONMENT;
			default -> CUSTOM;
		};
	}

	String name() {
		return this.name;
	}

	/**
	 * Whether the value is the context's own (user id, session id or a custom attribute),
	 * whose bucketing hash the context caches; the environment may come from the
	 * evaluator instead.
	 */
	boolean isContextValue() {
		return this.kind != ENVIRONMENT;
	}

	@Nullable String get(FeatureContext context, EvaluationRuntime runtime) {
		return switch (this.kind) {
			case USER_ID -> context.userId();
			case SESSION_ID -> context.sessionId();
			case ENVIRONMENT -> runtime.environment(context);
			default -> context.customAttribute(this.name);
		};
	}

}
