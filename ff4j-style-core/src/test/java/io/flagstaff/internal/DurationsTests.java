package io.flagstaff.internal;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

	static Stream<Arguments> durations() {
		return Stream.of(Arguments.of(Duration.ZERO, "0s"), Arguments.of(Duration.ofMillis(300), "300ms"),
				Arguments.of(Duration.ofMillis(1500), "1500ms"), Arguments.of(Duration.ofSeconds(1), "1s"),
				Arguments.of(Duration.ofSeconds(90), "90s"), Arguments.of(Duration.ofMinutes(1), "1m"),
				Arguments.of(Duration.ofMinutes(90), "90m"), Arguments.of(Duration.ofHours(2), "2h"),
				Arguments.of(Duration.ofHours(36), "36h"), Arguments.of(Duration.ofDays(1), "1d"),
				Arguments.of(Duration.ofDays(400), "400d"), Arguments.of(Duration.ofNanos(500), "PT0.0000005S"),
				Arguments.of(Duration.ofMillis(1).plusNanos(1), "PT0.001000001S"),
				Arguments.of(Duration.ofSeconds(-30), "PT-30S"),
				Arguments.of(Duration.ofSeconds(Long.MAX_VALUE), (Long.MAX_VALUE) + "s"),
				Arguments.of(Duration.ofSeconds(Long.MAX_VALUE / 1000 - 1, 5_000_000),
						((Long.MAX_VALUE / 1000 - 1) * 1000 + 5) + "ms"),
				Arguments.of(Duration.ofSeconds(Long.MAX_VALUE, 5_000_000), "PT2562047788015215H30M7.005S"));
	}

	@ParameterizedTest
	@MethodSource("durations")
	void aDurationIsWrittenInItsLargestWholeUnitAndReadBackTheSame(Duration duration, String text) {
		assertThat(Durations.format(duration)).isEqualTo(text);
		assertThat(Durations.parse(text)).isEqualTo(duration);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT1M30S", "pt1m30s", " 90s ", "1m30s", "P1D", "PT0.5S" })
	void isoDurationsAndBlanksAroundAreRead(String text) {
		Duration parsed = Durations.parse(text);
		if (text.equals("1m30s")) {
			assertThat(parsed).isNull();
			return;
		}
		assertThat(parsed).isNotNull();
		assertThat(Durations.parse(Durations.format(parsed))).isEqualTo(parsed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "s", "1 s", "1w", "-1s", "1.5s", "99999999999999999999s", "9223372036854775807d",
			"9223372036854775807m", "often" })
	void whatIsNotADurationReadsAsNull(String text) {
		assertThat(Durations.parse(text)).isNull();
	}

}
