package io.flagstaff.benchmarks;

import java.util.Map;

import io.flagstaff.store.TestServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the scale-out simulation runs (a few instances, flags and flips on the
 * shared servers); its figures come from {@code benchmarks/scale-out.sh}, never from
 * here.
 */
class ScaleOutTests {

	private static ScaleOut scaleOut(String store) {
		return new ScaleOut(
				Map.of("--store", store, "--changes", "5", "--warmup", "2", "--redis", "redis://127.0.0.1:6379",
						"--jdbc", "jdbc:postgresql://127.0.0.1:5432/test", "--jdbc-user", "postgres"));
	}

	@Test
	void aRedisCellReportsPropagationStoreWorkBytesAndHeap() throws Exception {
		TestServices.require("Redis", 6379);
		String row = scaleOut("redis").run(3, 20);
		assertThat(row).startsWith("| redis | 20 | 3 | ").contains(" ms | ").contains("HMGET").endsWith("KB |");
	}

	@Test
	void aPostgresCellReportsPropagationStoreWorkBytesAndHeap() throws Exception {
		TestServices.require("PostgreSQL", 5432);
		String row = scaleOut("postgresql").run(2, 20);
		assertThat(row).startsWith("| postgresql | 20 | 2 | ").contains("rows read").endsWith("KB |");
	}

}
