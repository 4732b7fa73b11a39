package io.flagstaff.spring.diagnostics;

import java.time.Instant;
import java.util.List;

import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.store.FeatureStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReloadProblemsTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final ReloadProblems problems = new ReloadProblems();

	private static FlagstaffEvent.ReloadFailed failed(String... paths) {
		List<ConfigProblem> found = java.util.Arrays.stream(paths)
			.map((path) -> new ConfigProblem(path, "is not valid YAML: mapping values are not allowed here"))
			.toList();
		return new FlagstaffEvent.ReloadFailed(NOW, new FeatureConfigException("/srv/features.yml", found));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@Test
	void eachDistinctProblemIsLoggedOnceHoweverOftenItRecurs(CapturedOutput output) {
		this.problems.onEvent(new FlagstaffEvent.SnapshotSwapped(NOW, 1, 7));
		for (int poll = 0; poll < 5; poll++) {
			this.problems.onEvent(failed("line 3, column 9"));
		}
		this.problems.onEvent(failed("line 3, column 9", "line 8, column 1"));
		assertThat(count(output.getAll(), "Flagstaff keeps serving its last good flags: /srv/features.yml: line 3, "
				+ "column 9: is not valid YAML: mapping values are not allowed here (fix the document; the next "
				+ "change is reloaded)"))
			.isOne();
		assertThat(count(output.getAll(), "/srv/features.yml: line 8, column 1")).isOne();
		assertThat(this.problems.current()).isNotNull();
		assertThat(this.problems.current().problems()).hasSize(2);
	}

	@Test
	void aNewSnapshotOfTheStoreClearsTheProblemAndTheSameMistakeLaterIsLoggedAgain(CapturedOutput output) {
		this.problems.onEvent(new FlagstaffEvent.SnapshotSwapped(NOW, 1, 7));
		this.problems.onEvent(failed("line 3, column 9"));
		this.problems.onEvent(new FlagstaffEvent.SnapshotSwapped(NOW, 2, 7));
		assertThat(this.problems.current()).as("an override swap on the same revision fixes nothing").isNotNull();
		this.problems.onEvent(new FlagstaffEvent.SnapshotSwapped(NOW, 3, 8));
		assertThat(this.problems.current()).isNull();
		this.problems.onEvent(failed("line 3, column 9"));
		assertThat(count(output.getAll(), "/srv/features.yml: line 3, column 9")).isEqualTo(2);
	}

	@Test
	void anOutageIsOneProblemUntilTheStoreIsBack(CapturedOutput output) {
		FeatureStoreException down = new FeatureStoreException("Cannot read the flags in JDBC store x: refused");
		this.problems.onEvent(new FlagstaffEvent.StoreDown(NOW, down));
		this.problems.onEvent(new FlagstaffEvent.ReloadFailed(NOW, down));
		assertThat(count(output.getAll(), "the store cannot be reached: Cannot read the flags")).isOne();
		this.problems.onEvent(new FlagstaffEvent.StoreUp(NOW));
		assertThat(this.problems.current()).isNull();
		assertThat(output).contains("the problem reported before is gone");
	}

}
