package io.flagstaff.spring.diagnostics;

import java.util.List;
import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.hygiene.HygieneFinding;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.FlagstaffStartupException;
import io.flagstaff.spring.Variant;
import io.flagstaff.spring.autoconfigure.FlagstaffAopAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffDiagnosticsAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffHygieneAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup check of the flag keys the application's beans name (the test flags are
 * those of {@code features.yml}: new-checkout, beta-banner, staff-preview,
 * advanced-search, pricing, dark-mode).
 */
@ExtendWith(OutputCaptureExtension.class)
class FlagKeyCheckTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffDiagnosticsAutoConfiguration.class,
						FlagstaffAopAutoConfiguration.class, FlagstaffHygieneAutoConfiguration.class))
		.withPropertyValues("flagstaff.features-location=classpath:features.yml");

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@Test
	void aMisspelledKeyIsLoggedOnceNamingTheBeanTheMethodAndTheClosestKeys(CapturedOutput output) {
		this.runner.withUserConfiguration(Misspelled.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(count(output.getAll(), "Flag 'new-chekout'")).isOne();
			assertThat(output)
				.contains("Flag 'new-chekout' named by @FeatureToggle on bean 'weather' method "
						+ "Weather.checkout, @FeatureToggle on bean 'weather' method Weather.checkoutAgain is not "
						+ "defined; closest defined keys: 'new-checkout'")
				.contains("every check of it answers off");
			assertThat(output).contains("Flag 'pricng' named by @Variant on bean 'cheap' (@Bean method cheap)");
			assertThat(output).contains("Flag 'dark-mod' named by @FeatureToggle on bean 'darkSide' (DarkSide)");
			assertThat(output).doesNotContain("Flag 'advanced-search'");
		});
	}

	@Test
	void strictCheckingFailsStartupWithTheSameMessage() {
		this.runner.withUserConfiguration(Misspelled.class)
			.withPropertyValues("flagstaff.strict=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(FlagstaffStartupException.class)
				.hasMessageContaining(
						"Flag 'new-chekout' named by @FeatureToggle on bean 'weather' method " + "Weather.checkout")
				.hasMessageContaining("Flag 'pricng'")
				.hasMessageContaining("flagstaff.strict=false"));
	}

	@Test
	void theHygieneReportListsKeysTheCodeNamesButNobodyDefinesAndFlagsNobodyNames() {
		this.runner.withUserConfiguration(Misspelled.class).run((context) -> {
			Map<String, List<String>> references = context.getBean(FlagKeyCheck.class).references();
			assertThat(references).containsKeys("new-chekout", "advanced-search", "pricng", "dark-mod");
			List<HygieneFinding> findings = context.getBean(HygieneInspector.class)
				.inspect(context.getBean(Flagstaff.class), java.time.Instant.EPOCH)
				.findings();
			assertThat(findings).filteredOn((finding) -> finding.kind() == HygieneFinding.Kind.NOT_DEFINED)
				.extracting(HygieneFinding::feature)
				.containsExactly("dark-mod", "new-chekout", "pricng");
			assertThat(findings).filteredOn((finding) -> finding.kind() == HygieneFinding.Kind.UNREFERENCED)
				.extracting(HygieneFinding::feature)
				.contains("beta-banner")
				.doesNotContain("advanced-search");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Misspelled {

		@Bean
		Weather weather() {
			return new Weather();
		}

		@Bean
		@Variant(feature = "pricng", value = "control", isDefault = true)
		Cheap cheap() {
			return new Cheap();
		}

		@Bean
		DarkSide darkSide() {
			return new DarkSide();
		}

		@Bean
		LightSide lightSide() {
			return new LightSide();
		}

		@Bean
		Fast fast() {
			return new Fast();
		}

		@Bean
		Slow slow() {
			return new Slow();
		}

	}

	public static class Weather {

		@FeatureToggle("new-chekout")
		public String checkout() {
			return "new";
		}

		@FeatureToggle("new-chekout")
		public String checkoutAgain() {
			return "new";
		}

	}

	public interface Pricing {

		int price();

	}

	public static class Cheap implements Pricing {

		@Override
		public int price() {
			return 1;
		}

	}

	public interface Theme {

		String name();

	}

	@FeatureToggle(value = "dark-mod", when = FeatureToggle.When.ON)
	public static class DarkSide implements Theme {

		@Override
		public String name() {
			return "dark";
		}

	}

	@FeatureToggle(value = "dark-mod", when = FeatureToggle.When.OFF)
	public static class LightSide implements Theme {

		@Override
		public String name() {
			return "light";
		}

	}

	public interface Search {

		String search();

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.ON)
	public static class Fast implements Search {

		@Override
		public String search() {
			return "fast";
		}

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.OFF)
	public static class Slow implements Search {

		@Override
		public String search() {
			return "slow";
		}

	}

}
