package io.flagstaff.benchmarks;

import java.util.function.Function;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;

/**
 * Flagstaff over an in-memory store: scenarios A–D, each on a reused context (the request
 * path: one context per request) and with the context built per call.
 */
public class FlagstaffBenchmark extends AllScenariosBenchmark<String, FeatureContext> {

	private final Flagstaff flagstaff = FlagstaffScenarios.create();

	/**
	 * Builds the contexts; the evaluator is built with the benchmark.
	 */
	public FlagstaffBenchmark() {
		super(Function.identity(), FlagstaffScenarios::context, FeatureContext[]::new);
	}

	@Override
	protected boolean isEnabled(String flag, FeatureContext context) {
		return this.flagstaff.isEnabled(flag, context);
	}

	@Override
	protected String variant(String flag, FeatureContext context) {
		String variant = this.flagstaff.variant(flag, context);
		return (variant != null) ? variant : "none";
	}

	@Override
	protected void close() {
		this.flagstaff.close();
	}

}
