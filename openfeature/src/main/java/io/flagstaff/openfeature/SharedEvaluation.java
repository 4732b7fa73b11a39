package io.flagstaff.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;

/**
 * A successful result the provider hands out again and again (one per flag, type, variant
 * and reason of a snapshot), so that evaluating allocates no result: its setters throw.
 * The SDK only reads it. Immutable and thread-safe once published.
 *
 * @param <T> the value type
 */
final class SharedEvaluation<T> extends ProviderEvaluation<T> {

	SharedEvaluation(T value, String variant, String reason, ImmutableMetadata metadata) {
		super(value, variant, reason, null, null, metadata);
	}

	@Override
	public void setValue(T value) {
		throw immutable();
	}

	@Override
	public void setVariant(String variant) {
		throw immutable();
	}

	@Override
	public void setReason(String reason) {
		throw immutable();
	}

	@Override
	public void setErrorCode(ErrorCode errorCode) {
		throw immutable();
	}

	@Override
	public void setErrorMessage(String errorMessage) {
		throw immutable();
	}

	@Override
	public void setFlagMetadata(ImmutableMetadata flagMetadata) {
		throw immutable();
	}

	private static UnsupportedOperationException immutable() {
		return new UnsupportedOperationException(
				"A FlagstaffProvider result is shared between calls and cannot be changed; copy it into a new ProviderEvaluation to change it");
	}

}
