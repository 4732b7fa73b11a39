package io.flagstaff.benchmarks;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ProviderEvaluation;
import io.flagstaff.Flagstaff;
import io.flagstaff.openfeature.FlagstaffProvider;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What Flagstaff's OpenFeature provider adds to Flagstaff's own evaluation, without the
 * SDK's client around it: {@code provider_x} asks the provider with a user's OpenFeature
 * context (which it maps to a {@code FeatureContext} per call, then answers with a typed
 * result), {@code flagstaff_x} asks Flagstaff itself with a {@code FeatureContext} built
 * per call from the same user's data, as an application without OpenFeature would.
 */
public class ProviderOverheadBenchmark extends PeerBenchmark<EvaluationContext> {

	private final Flagstaff flagstaff = FlagstaffScenarios.create();

	private final FlagstaffProvider provider = FlagstaffProvider.of(this.flagstaff);

	/**
	 * Builds the OpenFeature contexts of the users.
	 */
	public ProviderOverheadBenchmark() {
		super(OpenFeatureBenchmark::context, EvaluationContext[]::new);
	}

	/** Closes the Flagstaff. */
	@Override
	protected void close() {
		this.flagstaff.close();
	}

	/**
	 * A through the provider.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public ProviderEvaluation<Boolean> provider_a(Cursor cursor) {
		return this.provider.getBooleanEvaluation(Workload.ON_OFF, false, reused(cursor));
	}

	/**
	 * A by Flagstaff.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean flagstaff_a(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ON_OFF, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * B through the provider.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public ProviderEvaluation<Boolean> provider_b(Cursor cursor) {
		return this.provider.getBooleanEvaluation(Workload.ROLLOUT, false, reused(cursor));
	}

	/**
	 * B by Flagstaff.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean flagstaff_b(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ROLLOUT, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * C through the provider.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public ProviderEvaluation<Boolean> provider_c(Cursor cursor) {
		return this.provider.getBooleanEvaluation(Workload.RULE, false, reused(cursor));
	}

	/**
	 * C by Flagstaff.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean flagstaff_c(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.RULE, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * D through the provider.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public ProviderEvaluation<String> provider_d(Cursor cursor) {
		return this.provider.getStringEvaluation(Workload.VARIANT, "none", reused(cursor));
	}

	/**
	 * D by Flagstaff.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String flagstaff_d(Cursor cursor) {
		String variant = this.flagstaff.variant(Workload.VARIANT, FlagstaffScenarios.context(cursor.next()));
		return (variant != null) ? variant : "none";
	}

}
