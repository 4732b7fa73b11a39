package io.flagstaff.spring.diagnostics;

import io.flagstaff.spring.FlagstaffStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SpringBootLineCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "3.5.4", "3.0.0", "2.7.18", "3.5.0-SNAPSHOT" })
	void anEarlierSpringBootFailsInOneLineNamingTheSupportedLineAndTheBoot3Starter(String version) {
		assertThatExceptionOfType(FlagstaffStartupException.class).isThrownBy(() -> SpringBootLineCheck.check(version))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n")
				.contains("supports Spring Boot 4.x, but this application runs Spring Boot " + version)
				.contains("io.flagstaff:flagstaff-spring-boot3-starter"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.1.1", "4.0.0", "4.2.0-M1", "4" })
	@NullSource
	void theSupportedLineOrAnUnknownVersionPasses(String version) {
		assertThatNoException().isThrownBy(() -> SpringBootLineCheck.check(version));
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown", "", "x.y" })
	void anUnparsableVersionPasses(String version) {
		assertThatNoException().isThrownBy(() -> SpringBootLineCheck.check(version));
	}

	@Test
	void aLaterSpringBootFailsNamingTheSupportedLine() {
		assertThatExceptionOfType(FlagstaffStartupException.class).isThrownBy(() -> SpringBootLineCheck.check("5.0.0"))
			.withMessageContaining("supports Spring Boot 4.x")
			.withMessageNotContaining("boot3");
	}

	@Test
	void theSpringBootOfThisBuildPasses() {
		assertThatNoException().isThrownBy(() -> new SpringBootLineCheck().initialize(null));
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
	}

}
