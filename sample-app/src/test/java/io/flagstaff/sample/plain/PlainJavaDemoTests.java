package io.flagstaff.sample.plain;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.flagstaff.Evaluation;
import io.flagstaff.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainJavaDemoTests {

	@Test
	void evaluatesEveryDemoFlagForEveryDemoUserAndPrintsOneLineEach() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		List<Evaluation> evaluations = PlainJavaDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String printed = bytes.toString(StandardCharsets.UTF_8);
		assertThat(evaluations).hasSize(4 * 6);
		assertThat(printed.lines()).hasSize(2 + evaluations.size());
		assertThat(evaluations).filteredOn((evaluation) -> evaluation.key().equals("dark-mode"))
			.allSatisfy((evaluation) -> assertThat(evaluation.reason()).isEqualTo(Reason.DISABLED));
		assertThat(evaluations).filteredOn((evaluation) -> evaluation.key().equals("checkout-button"))
			.allSatisfy((evaluation) -> assertThat(evaluation.variant()).isIn("green", "orange"));
		assertThat(evaluations.get(0)).extracting(Evaluation::key, Evaluation::enabled, Evaluation::reason)
			.containsExactly("new-checkout", true, Reason.ALLOWED);
		assertThat(evaluations.get(4)).extracting(Evaluation::enabled, Evaluation::reason)
			.containsExactly(false, Reason.DENIED);
		assertThat(printed).contains("new-checkout     mallory  DE       false");
	}

}
