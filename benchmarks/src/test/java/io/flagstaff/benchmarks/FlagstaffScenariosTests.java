package io.flagstaff.benchmarks;

import java.util.function.IntPredicate;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flagstaff answers the scenarios the same way the peers do, so the comparison is fair.
 */
class FlagstaffScenariosTests {

	private final Flagstaff flagstaff = FlagstaffScenarios.create();

	@AfterEach
	void close() {
		this.flagstaff.close();
	}

	@Test
	void servesTheOnFlagToEveryUser() {
		PeersTests.assertAll(Workload.USERS,
				(i) -> this.flagstaff.isEnabled(Workload.ON_OFF, FlagstaffScenarios.context(i)));
	}

	@Test
	void servesAStickyHalfRollout() {
		IntPredicate rollout = (i) -> this.flagstaff.isEnabled(Workload.ROLLOUT, FlagstaffScenarios.context(i));
		PeersTests.assertHalf(rollout);
		PeersTests.assertSticky(rollout);
	}

	@Test
	void servesTheRegionAndPlanRule() {
		PeersTests.assertRule((i) -> this.flagstaff.isEnabled(Workload.RULE, FlagstaffScenarios.context(i)));
	}

	@Test
	void servesWeightedStickyVariants() {
		PeersTests.assertVariants((i) -> this.flagstaff.variant(Workload.VARIANT, FlagstaffScenarios.context(i)));
	}

	@Test
	void reusedAndBuiltContextsGiveTheSameAnswers() {
		var reused = FlagstaffScenarios.contexts();
		for (int i = 0; i < Workload.USERS; i++) {
			for (String key : new String[] { Workload.ON_OFF, Workload.ROLLOUT, Workload.RULE }) {
				assertThat(this.flagstaff.isEnabled(key, reused[i]))
					.isEqualTo(this.flagstaff.isEnabled(key, FlagstaffScenarios.context(i)));
			}
		}
	}

	@Test
	void generatedSetsHaveTheRequestedSize() {
		assertThat(FlagstaffScenarios.generated(1000, 5).features()).hasSize(1000)
			.allSatisfy((key, feature) -> assertThat(feature.rules()).hasSize(5));
	}

}
