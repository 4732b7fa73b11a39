package io.flagstaff.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.togglz.core.activation.GradualActivationStrategy;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.mem.InMemoryStateRepository;
import org.togglz.core.user.FeatureUser;
import org.togglz.core.user.SimpleFeatureUser;
import org.togglz.core.user.thread.ThreadLocalUserProvider;

/**
 * Togglz 4.6 with an in-memory state repository and the thread-local user provider.
 * Expresses A and B: B uses {@code GradualActivationStrategy} (sticky:
 * {@code abs(userName.hashCode()) % 100}, the same buckets for every flag). No built-in
 * strategy combines two attributes (C; the script strategy needs a JavaScript engine,
 * absent from JDK 17) and there are no variants (D).
 */
public class TogglzBenchmark extends PeerBenchmark<FeatureUser> {

	/**
	 * Builds the feature manager of the scenarios, offline.
	 * @return a configured manager
	 */
	public static FeatureManager create() {
		FeatureManager manager = new FeatureManagerBuilder().featureEnum(TogglzFeature.class)
			.stateRepository(new InMemoryStateRepository())
			.userProvider(new ThreadLocalUserProvider())
			.build();
		manager.setFeatureState(new FeatureState(TogglzFeature.SIMPLE_ON, true));
		manager.setFeatureState(
				new FeatureState(TogglzFeature.ROLLOUT_50, true).setStrategyId(GradualActivationStrategy.ID)
					.setParameter(GradualActivationStrategy.PARAM_PERCENTAGE, "50"));
		return manager;
	}

	/**
	 * Builds the user of an index, as a request would.
	 * @param index the user
	 * @return a new user
	 */
	public static FeatureUser user(int index) {
		SimpleFeatureUser user = new SimpleFeatureUser(Workload.id(index));
		user.setAttribute("region", Workload.region(index));
		user.setAttribute("plan", Workload.plan(index));
		return user;
	}

	/**
	 * Evaluates a feature for a user bound to the current thread, the way Togglz reads
	 * its user.
	 * @param manager the manager
	 * @param feature the feature
	 * @param user the user
	 * @return whether the feature is active
	 */
	public static boolean isActive(FeatureManager manager, TogglzFeature feature, FeatureUser user) {
		ThreadLocalUserProvider.bind(user);
		try {
			return manager.isActive(feature);
		}
		finally {
			ThreadLocalUserProvider.release();
		}
	}

	private final FeatureManager manager = create();

	/**
	 * Builds the users; the manager is built with the benchmark.
	 */
	public TogglzBenchmark() {
		super(TogglzBenchmark::user, FeatureUser[]::new);
	}

	/**
	 * A on a reused user.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return isActive(this.manager, TogglzFeature.SIMPLE_ON, reused(cursor));
	}

	/**
	 * A with the user built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return isActive(this.manager, TogglzFeature.SIMPLE_ON, user(cursor.next()));
	}

	/**
	 * B on a reused user.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return isActive(this.manager, TogglzFeature.ROLLOUT_50, reused(cursor));
	}

	/**
	 * B with the user built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return isActive(this.manager, TogglzFeature.ROLLOUT_50, user(cursor.next()));
	}

}
