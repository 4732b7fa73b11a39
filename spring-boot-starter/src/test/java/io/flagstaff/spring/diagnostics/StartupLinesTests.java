package io.flagstaff.spring.diagnostics;

import io.flagstaff.spring.autoconfigure.FlagstaffAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines startup logs once: the environment flags are evaluated in and where it came
 * from, and the store the flags come from.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLinesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class));

	@Test
	void theEnvironmentFromTheFirstActiveProfileIsSaidToComeFromIt(CapturedOutput output) {
		this.runner.withInitializer((context) -> context.getEnvironment().setActiveProfiles("production", "eu"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.containsOnlyOnce("Flagstaff evaluates flags in environment 'production' (from the "
					+ "active profile; set flagstaff.environment to choose)")
			.containsOnlyOnce("Flagstaff serves 6 flag(s) from in-memory store");
	}

	@Test
	void theEnvironmentPropertyWinsAndIsNamed(CapturedOutput output) {
		this.runner.withInitializer((context) -> context.getEnvironment().setActiveProfiles("production"))
			.withPropertyValues("flagstaff.environment=staging")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Flagstaff evaluates flags in environment 'staging' (from flagstaff.environment)");
	}

	@Test
	void noEnvironmentIsSaidToTurnOffFlagsThatListEnvironments(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Flagstaff evaluates flags in no environment")
			.contains("flags that list environments are off");
	}

}
