package io.flagstaff.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.FuzzTargets;
import io.flagstaff.config.Limits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Evaluation never throws, whatever the context: every flag of a document using every
 * operator, bucketing scheme and evaluation step, through every evaluation method, for
 * generated hostile contexts (any characters, lone surrogates, numbers, versions,
 * addresses and dates at and beyond their ranges, values longer than the regex budget,
 * times no epoch millisecond holds). The longer campaign is {@code FuzzCampaignTests}.
 */
class EvaluationFuzzTests {

	static final FeatureSnapshot SNAPSHOT = FuzzEvaluation
		.compile(FeatureDocuments.parse(FuzzTargets.EVERY_OPERATOR, "every-operator.yml"));

	/** The attribute names the document reads, and a few more. */
	static final List<String> NAMES = List.of("userId", "sessionId", "environment", "region", "email", "country",
			"userAgent", "age", "score", "appVersion", "signup", "ip", "beta", "plan", "accountId", "currentTime", "*",
			"");

	static final List<String> HOSTILE = List.of("", " ", "\uD800", "\uDC00x", "\uFFFF", "1e999999999", "-1e-999999999",
			"NaN", "Infinity", "-0", "0x10", "1_000", "99.990000000000000001", "4.2.0", "5.0.0-rc.1", "1.0.0+build",
			"v4.2.0", "99999999999999999999.0.0", "1.2", "4.2.0-", "4.2.0-01", "10.0.0.1", "256.1.1.1", "::", "::1",
			"[2001:db8::1]%eth0", "::ffff:10.0.0.1", "2001:db8::/32", "1:2:3:4:5:6:7:8:9", "2026-06-01",
			"2026-06-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01", "true",
			" TRUE ", "false", "DE", "ro", "a@ACME.IO", "admin@boss.com", "Mozilla/5.0 (iPhone)",
			"Mozilla/5.0 " + "a".repeat(Limits.MAX_REGEX_INPUT_CHARS), "x".repeat(5000), "production", "staging");

	@Property(tries = 1000)
	void evaluationNeverThrowsForAnyContext(@ForAll("contexts") FeatureContext context) {
		FuzzTargets.evaluateAll(SNAPSHOT, List.of(context));
	}

	@Provide
	static Arbitrary<FeatureContext> contexts() {
		Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(HOSTILE),
				Arbitraries.strings().all().ofMaxLength(30),
				Arbitraries.strings().withChars("0123456789.-+eE:/v[]%TZ").ofMaxLength(30));
		Arbitrary<Instant> times = Arbitraries.oneOf(
				Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Limits.MIN_INSTANT, Limits.MAX_INSTANT,
						Instant.parse("2026-06-01T00:00:00Z")),
				Arbitraries.longs()
					.between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
					.map(Instant::ofEpochSecond));
		Arbitrary<Map<String, String>> attributes = Arbitraries
			.maps(Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().all().ofMaxLength(10)), values)
			.ofMaxSize(12);
		return Combinators
			.combine(values.injectNull(0.2), values.injectNull(0.3),
					Arbitraries.of("production", "staging", "dev", "", "\uD800").injectNull(0.3), times.injectNull(0.4),
					attributes)
			.as((userId, sessionId, environment, time, map) -> {
				FeatureContext.Builder builder = FeatureContext.builder()
					.userId(userId)
					.sessionId(sessionId)
					.environment(environment)
					.currentTime(time);
				map.forEach(builder::attribute);
				return builder.build();
			});
	}

}
