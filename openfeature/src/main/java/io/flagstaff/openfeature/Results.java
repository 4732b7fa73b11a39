package io.flagstaff.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Builds the results that are not shared: errors and values that depend on the caller's
 * default.
 */
final class Results {

	private Results() {
	}

	static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message, ImmutableMetadata metadata) {
		return ProviderEvaluation.<T>builder()
			.value(defaultValue)
			.reason(Reason.ERROR.name())
			.errorCode(code)
			.errorMessage(message)
			.flagMetadata(metadata)
			.build();
	}

	static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
		return error(defaultValue, code, message, ImmutableMetadata.EMPTY);
	}

	static <T> ProviderEvaluation<T> value(T value, @Nullable String variant, Reason reason,
			ImmutableMetadata metadata) {
		return ProviderEvaluation.<T>builder()
			.value(value)
			.variant(variant)
			.reason(reason.name())
			.flagMetadata(metadata)
			.build();
	}

	/**
	 * Returns the Java type a getter of the type returns, for messages.
	 */
	static String typeName(FlagValueType type) {
		return switch (type) {
			case BOOLEAN -> "Boolean";
			case STRING -> "String";
			case INTEGER -> "Integer";
			case LONG -> "Long";
			case DOUBLE -> "Double";
			case OBJECT -> "Object";
		};
	}

}
