package io.flagstaff.internal;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.Reason;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultFlagstaffTests {

	private static Condition.Attribute attribute(String name, Operator operator, String... values) {
		return new Condition.Attribute(name, operator, List.of(values), false, false);
	}

	@Test
	void servesOnAndOffFlagsFromTheStore() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("on").build(),
				FeatureDefinition.builder("off").enabled(false).build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			assertThat(flagstaff.isEnabled("on")).isTrue();
			assertThat(flagstaff.isEnabled("off")).isFalse();
			assertThat(flagstaff.evaluate("off", FeatureContext.empty()).reason()).isEqualTo(Reason.DISABLED);
			assertThat(flagstaff.evaluate("on", FeatureContext.empty()).reason()).isEqualTo(Reason.DEFAULT);
		}
	}

	@Test
	void aRuleOnAnAttributeDecidesAndIsNamedByItsIndex() {
		FeatureDefinition flag = FeatureDefinition.builder("eu-only")
			.rule(Rule.serve(List.of(attribute("region", Operator.IN, "DE", "RO")), true))
			.rollout(0.0)
			.build();
		try (Flagstaff flagstaff = Flagstaff.builder(InMemoryFeatureStore.of(flag)).build()) {
			FeatureContext german = FeatureContext.builder().userId("u1").attribute("region", "DE").build();
			FeatureContext french = FeatureContext.builder().userId("u1").attribute("region", "FR").build();
			Evaluation evaluation = flagstaff.evaluate("eu-only", german);
			assertThat(evaluation.enabled()).isTrue();
			assertThat(evaluation.reason()).isEqualTo(Reason.RULE_MATCH);
			assertThat(evaluation.rule()).isEqualTo("rules[0]");
			assertThat(flagstaff.evaluate("eu-only", french).reason()).isEqualTo(Reason.ROLLOUT);
			assertThat(flagstaff.isEnabled("eu-only", french)).isFalse();
		}
	}

	@Test
	void servesAVariantWithItsValue() {
		FeatureDefinition flag = FeatureDefinition.builder("checkout")
			.variants(List.of(new VariantDefinition("one-page", 1, FeatureValue.of("one")),
					new VariantDefinition("control", 0, null)))
			.build();
		try (Flagstaff flagstaff = Flagstaff.builder(InMemoryFeatureStore.of(flag)).build()) {
			FeatureContext user = FeatureContext.ofUser("u-42");
			assertThat(flagstaff.variant("checkout", user)).isEqualTo("one-page");
			assertThat(flagstaff.getString("checkout", user, "none")).isEqualTo("one");
			assertThat(flagstaff.getString("missing", user, "none")).isEqualTo("none");
		}
	}

	@Test
	void swapsTheSnapshotWhenTheStoreChangesAndKeepsTheLastGoodOneOnInvalidContent() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("a").build());
		List<FlagstaffEvent> events = new ArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			long first = flagstaff.snapshot().version();
			store.put(FeatureDefinition.builder("a").enabled(false).build());
			assertThat(flagstaff.isEnabled("a")).isFalse();
			assertThat(flagstaff.snapshot().version()).isGreaterThan(first);
			store.put(FeatureDefinition.builder("a").rollout(150.0).build());
			assertThat(flagstaff.isEnabled("a")).isFalse();
			assertThat(events).last().isInstanceOf(FlagstaffEvent.ReloadFailed.class);
		}
	}

}
