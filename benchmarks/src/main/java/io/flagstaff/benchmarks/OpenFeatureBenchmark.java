package io.flagstaff.benchmarks;

import java.util.HashMap;
import java.util.Map;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * OpenFeature Java SDK 1.22 with its {@code InMemoryProvider}, on an isolated API
 * instance. The provider has no targeting language: B, C and D are expressed by
 * hand-written context evaluators (B and D bucket on murmur3 of {@code key:targetingKey},
 * so they are sticky). The figures are the SDK's own overhead (context merge, hooks,
 * provider state, details) plus a lambda.
 */
public class OpenFeatureBenchmark extends PeerBenchmark<EvaluationContext> {

	/**
	 * Builds the client of the scenarios on an isolated API instance.
	 * @param api the API instance; shut it down when done
	 * @return a client whose provider is ready
	 */
	public static Client create(OpenFeatureAPI api) {
		Map<String, Flag<?>> flags = new HashMap<>();
		flags.put(Workload.ON_OFF,
				Flag.<Boolean>builder().variant("on", true).variant("off", false).defaultVariant("on").build());
		flags.put(Workload.ROLLOUT,
				Flag.<Boolean>builder()
					.variant("on", true)
					.variant("off", false)
					.defaultVariant("off")
					.contextEvaluator((flag, context) -> inRollout(context))
					.build());
		flags.put(Workload.RULE,
				Flag.<Boolean>builder()
					.variant("on", true)
					.variant("off", false)
					.defaultVariant("off")
					.contextEvaluator((flag, context) -> matchesRule(context))
					.build());
		Flag.FlagBuilder<String> variant = Flag.<String>builder().defaultVariant(Workload.VARIANTS.get(0));
		Workload.VARIANTS.forEach((name) -> variant.variant(name, name));
		flags.put(Workload.VARIANT,
				variant.contextEvaluator((flag, context) -> OpenFeatureBenchmark.variant(context)).build());
		api.setProviderAndWait(new InMemoryProvider(flags));
		return api.getClient();
	}

	static boolean inRollout(EvaluationContext context) {
		String key = context.getTargetingKey();
		return key != null && Murmur3.bucket100(Workload.ROLLOUT, key) < 50;
	}

	static boolean matchesRule(EvaluationContext context) {
		Value region = context.getValue("region");
		Value plan = context.getValue("plan");
		return region != null && plan != null && Workload.RULE_REGIONS.contains(region.asString())
				&& Workload.RULE_PLANS.contains(plan.asString());
	}

	static String variant(EvaluationContext context) {
		String key = context.getTargetingKey();
		if (key == null) {
			return Workload.VARIANTS.get(0);
		}
		int bucket = Murmur3.bucket100(Workload.VARIANT, key);
		int upper = 0;
		for (int i = 0; i < Workload.VARIANTS.size(); i++) {
			upper += Workload.WEIGHTS.get(i);
			if (bucket < upper) {
				return Workload.VARIANTS.get(i);
			}
		}
		return Workload.VARIANTS.get(Workload.VARIANTS.size() - 1);
	}

	/**
	 * Builds the evaluation context of a user, as a request would.
	 * @param index the user
	 * @return a new context
	 */
	public static EvaluationContext context(int index) {
		Map<String, Value> attributes = new HashMap<>();
		attributes.put("region", new Value(Workload.region(index)));
		attributes.put("plan", new Value(Workload.plan(index)));
		return new ImmutableContext(Workload.id(index), attributes);
	}

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	private final Client client = create(this.api);

	/**
	 * Builds the contexts; the client is built with the benchmark.
	 */
	public OpenFeatureBenchmark() {
		super(OpenFeatureBenchmark::context, EvaluationContext[]::new);
	}

	/** Shuts the API instance down. */
	@Override
	protected void close() {
		this.api.shutdown();
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ON_OFF, false, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ON_OFF, false, context(cursor.next()));
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ROLLOUT, false, reused(cursor));
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ROLLOUT, false, context(cursor.next()));
	}

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.RULE, false, reused(cursor));
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.RULE, false, context(cursor.next()));
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		return this.client.getStringValue(Workload.VARIANT, "none", reused(cursor));
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		return this.client.getStringValue(Workload.VARIANT, "none", context(cursor.next()));
	}

}
