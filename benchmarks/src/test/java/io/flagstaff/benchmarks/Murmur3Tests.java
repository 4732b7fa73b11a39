package io.flagstaff.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import com.sangupta.murmur.Murmur3;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Murmur3Tests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                            | 0          | 0x00000000
			''                                            | 1          | 0x514E28B7
			hello                                         | 0          | 0x248BFA47
			The quick brown fox jumps over the lazy dog   | 0          | 0x2E4FF723
			The quick brown fox jumps over the lazy dog   | 0x9747b28c | 0x2FA826CD
			""")
	void matchesPublishedVectors(String text, String seed, String expected) {
		int hash = io.flagstaff.benchmarks.Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8),
				Long.decode(seed).intValue());
		assertThat(hash).isEqualTo(Long.decode(expected).intValue());
	}

	@Test
	void agreesWithTheMurmurLibraryUnleashUsesOnRandomAsciiInput() {
		// com.sangupta murmur sign-extends bytes >= 0x80 in the tail; Unleash only hashes
		// ASCII keys
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 2_000; i++) {
			byte[] data = new byte[random.nextInt(40)];
			for (int j = 0; j < data.length; j++) {
				data[j] = (byte) random.nextInt(128);
			}
			long reference = Murmur3.hash_x86_32(data, data.length, 0);
			assertThat(Integer.toUnsignedLong(io.flagstaff.benchmarks.Murmur3.hash32(data, 0))).isEqualTo(reference);
		}
	}

	@ParameterizedTest
	@CsvSource({ "flag,user-1", "rollout-50,user-100007", "a,", "clé,usér-é", "k,日本" })
	void hashOfKeyAndIdEqualsTheHashOfTheJoinedBytes(String key, String id) {
		String user = (id != null) ? id : "";
		byte[] joined = (key + ":" + user).getBytes(StandardCharsets.UTF_8);
		assertThat(io.flagstaff.benchmarks.Murmur3.hashKeyAndId(key, user, 7))
			.isEqualTo(io.flagstaff.benchmarks.Murmur3.hash32(joined, 7));
	}

}
