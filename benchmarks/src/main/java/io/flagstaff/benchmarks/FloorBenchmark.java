package io.flagstaff.benchmarks;

import java.util.concurrent.ConcurrentHashMap;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floors every library is compared with: a {@code ConcurrentHashMap<String, Boolean>}
 * lookup (the least an on/off check can cost) and a bare murmur3_x86_32 of {@code key:id}
 * per call (what a rollout costs when it hashes the user for every flag).
 */
public class FloorBenchmark {

	/** The map of the lookup floor. */
	@State(Scope.Benchmark)
	public static class Lib {

		ConcurrentHashMap<String, Boolean> flags = new ConcurrentHashMap<>();

		{
			this.flags.put(Workload.ON_OFF, Boolean.TRUE);
			this.flags.put(Workload.ROLLOUT, Boolean.TRUE);
			this.flags.put(Workload.RULE, Boolean.FALSE);
			this.flags.put(Workload.VARIANT, Boolean.TRUE);
		}

	}

	/**
	 * The lookup floor (scenario E1).
	 * @param lib the map
	 * @param cursor the user cursor (advanced, as every scenario does)
	 * @return the flag's value
	 */
	@Benchmark
	public boolean e_map(Lib lib, Cursor cursor) {
		cursor.next();
		return lib.flags.getOrDefault(Workload.ON_OFF, Boolean.FALSE);
	}

	/**
	 * The hash floor (scenario E2): murmur3_x86_32 of {@code key:id}, reduced to a 50%
	 * decision.
	 * @param cursor the user cursor
	 * @return whether the user is in a 50% rollout
	 */
	@Benchmark
	public boolean e_murmur3(Cursor cursor) {
		return Murmur3.bucket100(Workload.ROLLOUT, Workload.id(cursor.next())) < 50;
	}

}
