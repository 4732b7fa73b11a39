package io.flagstaff.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot's key lookup ({@link CompiledFeatureTable}), through evaluation: every
 * flag is found under its own key, whether the key given is the same instance or an equal
 * copy, and keys with equal hash codes or neighbouring slots do not shadow each other.
 */
class CompiledFeatureTableTests {

	private final EvaluationRuntime runtime = Evaluations.runtime(Clock.systemUTC(), "prod");

	@Test
	void keysWithTheSameHashCodeAreFoundApart() {
		// "Aa" and "BB" (and their concatenations) share a hash code
		assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode()).isEqualTo("AaBB".hashCode());
		CompiledSnapshot snapshot = Evaluations
			.compile(FeatureSet.of(flag("AaAa", true), flag("BBBB", false), flag("AaBB", true)), this.runtime);
		assertThat(snapshot.isEnabled(copy("AaAa"), FeatureContext.empty())).isTrue();
		assertThat(snapshot.isEnabled(copy("BBBB"), FeatureContext.empty())).isFalse();
		assertThat(snapshot.evaluate(copy("BBBB"), FeatureContext.empty()).reason())
			.isEqualTo(io.flagstaff.Reason.DISABLED);
		assertThat(snapshot.isEnabled(copy("AaBB"), FeatureContext.empty())).isTrue();
		assertThat(snapshot.evaluate("BBAa", FeatureContext.empty()).reason()).as("same hash code, no such flag")
			.isEqualTo(io.flagstaff.Reason.FLAG_NOT_FOUND);
	}

	@Test
	void everyFlagOfALargeSetIsFoundByAnEqualKeyAndUnknownKeysAreNot() {
		List<FeatureDefinition> flags = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			flags.add(flag("flag-" + i, i % 2 == 0));
		}
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flags.toArray(new FeatureDefinition[0])),
				this.runtime);
		for (int i = 0; i < 5_000; i++) {
			assertThat(snapshot.isEnabled(copy("flag-" + i), FeatureContext.empty())).as("flag-" + i)
				.isEqualTo(i % 2 == 0);
			assertThat(snapshot.evaluate("flag-x" + i, FeatureContext.empty()).reason())
				.isEqualTo(io.flagstaff.Reason.FLAG_NOT_FOUND);
		}
	}

	@Test
	void anEmptySnapshotFindsNothing() {
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.EMPTY, this.runtime);
		assertThat(snapshot.evaluate("any", FeatureContext.empty()).reason())
			.isEqualTo(io.flagstaff.Reason.FLAG_NOT_FOUND);
	}

	private static FeatureDefinition flag(String key, boolean enabled) {
		return FeatureDefinition.builder(key).enabled(enabled).build();
	}

	/** An equal key that is not the same instance as the one compiled. */
	private static String copy(String key) {
		return new String(key.toCharArray());
	}

}
