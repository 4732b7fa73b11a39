package io.flagstaff.hygiene;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HygieneInspectorTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void aFlagIsExpiredFromTheDayAfterItsExpiryDate() {
		FeatureSet set = FeatureSet.of(owned("today").expires(LocalDate.parse("2026-11-22")).build(),
				owned("yesterday").expires(LocalDate.parse("2026-11-21")).build(),
				owned("later").expires(LocalDate.parse("2027-01-01")).build(), owned("never").build());
		HygieneReport report = HygieneInspector.builder().clock(this.clock).build().inspect(set);
		assertThat(report.findings()).extracting(HygieneFinding::feature, HygieneFinding::kind)
			.containsExactly(tuple("yesterday", HygieneFinding.Kind.EXPIRED));
		assertThat(report.findings().get(0).message()).startsWith("expired on 2026-11-21 (1 days ago)");
		assertThat(report.hasExpired()).isTrue();
		assertThat(report.featureCount()).isEqualTo(4);
	}

	@Test
	void flagsWithoutOwnerAndPrerequisitesOnMissingFlagsAreReported() {
		FeatureSet set = FeatureSet.of(FeatureDefinition.builder("orphan").owner("  ").build(),
				owned("child").requires(List.of(Prerequisite.on("orphan"), Prerequisite.on("gone"))).build());
		HygieneReport report = HygieneInspector.builder().clock(this.clock).build().inspect(set);
		assertThat(report.findings()).extracting(HygieneFinding::feature, HygieneFinding::kind)
			.containsExactly(tuple("orphan", HygieneFinding.Kind.NO_OWNER),
					tuple("child", HygieneFinding.Kind.MISSING_PREREQUISITE));
		assertThat(report.findings().get(1).message()).contains("requires 'gone', which does not exist");
		assertThat(report.hasExpired()).isFalse();
	}

	@Test
	void flagsNotEvaluatedForTheConfiguredPeriodAreReported() {
		Map<String, Instant> lastEvaluated = Map.of("recent", NOW.minus(Duration.ofDays(29)), "stale",
				NOW.minus(Duration.ofDays(30)));
		FeatureSet set = FeatureSet.of(owned("recent").build(), owned("stale").build(), owned("unused").build());
		HygieneReport sinceLongAgo = HygieneInspector.builder()
			.clock(this.clock)
			.lastEvaluated(lastEvaluated::get, NOW.minus(Duration.ofDays(90)))
			.build()
			.inspect(set);
		assertThat(sinceLongAgo.findings(HygieneFinding.Kind.NOT_EVALUATED)).extracting(HygieneFinding::feature)
			.containsExactly("stale", "unused");
		HygieneReport sinceYesterday = HygieneInspector.builder()
			.clock(this.clock)
			.lastEvaluated(lastEvaluated::get, NOW.minus(Duration.ofDays(1)))
			.build()
			.inspect(set);
		assertThat(sinceYesterday.findings(HygieneFinding.Kind.NOT_EVALUATED)).extracting(HygieneFinding::feature)
			.containsExactly("stale");
	}

	static Stream<Arguments> servedToEveryone() {
		Condition beta = new Condition.Attribute("beta", Operator.EQUALS, List.of("true"), false, false);
		return Stream.of(Arguments.of(owned("plain").build(), "on"),
				Arguments.of(owned("full").rollout(100.0).build(), "on"),
				Arguments.of(owned("one-variant")
					.variants(List.of(new VariantDefinition("a", 100, null), new VariantDefinition("b", 0, null)))
					.build(), "on"),
				Arguments.of(owned("disabled").enabled(false).rollout(50.0).build(), "off"),
				Arguments.of(owned("killed").killed(new Kill("health-guard", "errors", NOW)).build(), "off"),
				Arguments.of(owned("zero").rollout(0.0).build(), "off"),
				Arguments
					.of(owned("zero-with-off-rule").rollout(0.0).rule(Rule.serve(List.of(beta), false)).build(), "off"),
				Arguments.of(owned("zero-with-allow").rollout(0.0).allow(List.of("u-1")).build(), null),
				Arguments.of(owned("zero-with-on-rule").rollout(0.0).rule(Rule.serve(List.of(beta), true)).build(),
						null),
				Arguments.of(owned("half").rollout(50.0).build(), null),
				Arguments.of(owned("rules").rule(Rule.serve(List.of(beta), true)).build(), null),
				Arguments.of(owned("production-only").environments(List.of("production")).build(), null),
				Arguments.of(owned("deny").deny(List.of("u-9")).build(), null),
				Arguments.of(owned("child").requires(List.of(Prerequisite.on("parent"))).build(), null),
				Arguments.of(owned("split")
					.variants(List.of(new VariantDefinition("a", 50, null), new VariantDefinition("b", 50, null)))
					.build(), null));
	}

	@ParameterizedTest(name = "{0} serves {1}")
	@MethodSource
	void servedToEveryone(FeatureDefinition flag, String expected) {
		assertThat(HygieneInspector.servedToEveryone(flag)).isEqualTo(expected);
	}

	@Test
	void aFlagServingEveryoneTheSameIsReportedOnceUnchangedForThePeriod() {
		Map<String, Instant> lastChanged = Map.of("old-on", NOW.minus(Duration.ofDays(10)), "old-off",
				NOW.minus(Duration.ofDays(11)), "new-on", NOW.minus(Duration.ofDays(9)), "old-half",
				NOW.minus(Duration.ofDays(100)));
		FeatureSet set = FeatureSet.of(owned("old-on").build(), owned("old-off").enabled(false).build(),
				owned("new-on").build(), owned("old-half").rollout(50.0).build(), owned("unknown").build());
		HygieneReport report = HygieneInspector.builder()
			.clock(this.clock)
			.unchangedFor(Duration.ofDays(10))
			.lastChanged(lastChanged::get)
			.build()
			.inspect(set);
		assertThat(report.findings()).extracting(HygieneFinding::feature, HygieneFinding::kind)
			.containsExactly(tuple("old-on", HygieneFinding.Kind.CONSTANT),
					tuple("old-off", HygieneFinding.Kind.CONSTANT));
		assertThat(report.findings().get(0).message())
			.isEqualTo("served on to everyone, unchanged since 2026-11-12T10:00:00Z (10 days): remove the flag and "
					+ "keep the code it enables");
		assertThat(report.findings().get(1).message()).contains("served off")
			.endsWith("remove the flag and the code it guards");
	}

	@Test
	void aFlagstaffIsInspectedWithItsUsageAndItsStoresAuditTrail() {
		Instant evaluatedAt = NOW.minus(Duration.ofDays(10));
		InMemoryFeatureStore store = new InMemoryFeatureStore(
				FeatureSet.of(owned("used").rollout(50.0).build(), owned("unused").rollout(50.0).build(),
						owned("done").rollout(50.0).build()),
				Clock.fixed(NOW.minus(Duration.ofDays(40)), ZoneOffset.UTC));
		store.setRollout("done", 100.0, "ops");
		try (Flagstaff flagstaff = Flagstaff.builder(store).clock(Clock.fixed(evaluatedAt, ZoneOffset.UTC)).build()) {
			flagstaff.isEnabled("used", FeatureContext.ofUser("u-1"));
			flagstaff.isEnabled("done", FeatureContext.ofUser("u-1"));
			HygieneReport report = HygieneInspector.builder()
				.clock(this.clock)
				.notEvaluatedFor(Duration.ofDays(11))
				.unchangedFor(Duration.ofDays(30))
				.build()
				.inspect(flagstaff, NOW.minus(Duration.ofDays(20)));
			assertThat(report.findings()).extracting(HygieneFinding::feature, HygieneFinding::kind)
				.containsExactly(tuple("unused", HygieneFinding.Kind.NOT_EVALUATED),
						tuple("done", HygieneFinding.Kind.CONSTANT));
			assertThat(report.findings().get(0).message())
				.isEqualTo("never evaluated since 2026-11-02T10:00:00Z: remove it if no code reads it");
		}
	}

	@Test
	void keysTheCodeNamesButNobodyDefinesAndFlagsNobodyNamesNorEvaluatesAreReported() {
		FeatureSet set = FeatureSet.of(owned("weather-widget").build(), owned("evaluated-in-code").build(),
				owned("parent").build(), owned("child").requires(List.of(Prerequisite.on("parent"))).build(),
				owned("forgotten").build());
		Map<String, List<String>> references = Map.of("weather-widgte",
				List.of("bean 'weatherService' method WeatherService.widget"), "child",
				List.of("bean 'shop' (ShopService)"));
		Map<String, Instant> lastEvaluated = Map.of("weather-widget", NOW, "evaluated-in-code", NOW);
		HygieneReport report = HygieneInspector.builder()
			.clock(this.clock)
			.references(() -> references)
			.lastEvaluated(lastEvaluated::get, NOW)
			.build()
			.inspect(set);
		assertThat(report.findings()).extracting(HygieneFinding::feature, HygieneFinding::kind)
			.containsExactly(tuple("weather-widgte", HygieneFinding.Kind.NOT_DEFINED),
					tuple("forgotten", HygieneFinding.Kind.UNREFERENCED));
		assertThat(report.findings().get(0).message())
			.isEqualTo("named by [bean 'weatherService' method WeatherService.widget] but not defined, so every "
					+ "check of it answers off (did you mean [weather-widget]?): fix the "
					+ "key in the code or add the flag");
		assertThat(report.findings().get(1).message()).startsWith("named by no annotation or strategy");
	}

	@Test
	void withoutAReferencesSourceNothingIsReportedAsUndefinedOrUnreferenced() {
		FeatureSet set = FeatureSet.of(owned("never-named").build());
		HygieneReport report = HygieneInspector.builder()
			.clock(this.clock)
			.lastEvaluated((key) -> null, NOW)
			.references(() -> null)
			.build()
			.inspect(set);
		assertThat(report.isClean()).isTrue();
	}

	private static FeatureDefinition.Builder owned(String key) {
		return FeatureDefinition.builder(key).owner("team");
	}

}
