package io.flagstaff.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberParsingTests {

	@ParameterizedTest
	@ValueSource(strings = { "0", "-0", "+7", "42", "42.0", "0.1", "-3.25", ".5", "5.", "123456789012345",
			"0.000000000000000000001", "99.99", "0.30000000000000004", "1e3", "1E+3", " 12 ", "1234567890123456789",
			"0.0000000000000000000000001" })
	void parsesNumbersAsDoubleParseDoubleDoes(String text) {
		assertThat(Conditions.NumberCompare.parseNumber(text)).isEqualTo(Double.parseDouble(text.trim()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ".", "-", "+.", "1.2.3", "12a", "NaN", "Infinity", "0x10", "1e400", "--1" })
	void rejectsWhatIsNotAFiniteDecimalNumber(String text) {
		assertThat(Conditions.NumberCompare.parseNumber(text)).isNaN();
	}

	@Test
	void theAllocationFreePathAgreesWithParseDoubleOnRandomDecimals() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 100_000; i++) {
			long mantissa = random.nextLong(1_000_000_000_000_000L);
			int scale = random.nextInt(0, 16);
			String digits = Long.toString(mantissa);
			String text = (scale == 0 || scale >= digits.length()) ? digits
					: digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
			assertThat(Conditions.NumberCompare.parseNumber(text)).as(text).isEqualTo(Double.parseDouble(text));
		}
	}

}
