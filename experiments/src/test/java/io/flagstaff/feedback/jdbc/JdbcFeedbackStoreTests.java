package io.flagstaff.feedback.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.FeatureContext;
import io.flagstaff.feedback.Feedback;
import io.flagstaff.feedback.FeedbackCollector;
import io.flagstaff.store.jdbc.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcFeedbackStoreTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");

	@ParameterizedTest
	@EnumSource
	void feedbackIsKeptAndReadBackPerFeatureInOrder(TestDatabase database) throws SQLException {
		database.require();
		String table = "feedback_" + TestDatabase.uniquePrefix();
		try (HikariDataSource dataSource = database.dataSource(table)) {
			try {
				feedbackIsKeptAndReadBack(dataSource, table);
			}
			finally {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("DROP TABLE IF EXISTS " + table);
				}
			}
		}
	}

	private static void feedbackIsKeptAndReadBack(HikariDataSource dataSource, String table) {
		JdbcFeedbackStore store = JdbcFeedbackStore.create(dataSource, table);
		FeedbackCollector collector = new FeedbackCollector(store, 1, 5, Clock.fixed(NOW, ZoneOffset.UTC));
		FeatureContext user = FeatureContext.builder().userId("u-1").sessionId("s-1").build();
		collector.recordFeedback("new-checkout", user, 5, "so fast – 👍");
		collector.recordFeedback("new-search", user, 1, "cannot find anything");
		collector.recordFeedback("new-checkout", FeatureContext.empty(), 2, null);
		assertThat(store.find("new-checkout", 10)).containsExactly(
				new Feedback("new-checkout", "u-1", "s-1", 5, "so fast – 👍", NOW),
				new Feedback("new-checkout", null, null, 2, null, NOW));
		assertThat(store.find("new-checkout", 1)).hasSize(1);
		assertThat(store.find("unknown", 10)).isEmpty();
		JdbcFeedbackStore reopened = JdbcFeedbackStore.create(dataSource, table);
		assertThat(reopened.find("new-search", 10)).extracting(Feedback::rating).containsExactly(1);
	}

	@ParameterizedTest
	@EnumSource
	void instancesStartingTogetherCreateTheTableWithoutFailing(TestDatabase database) throws Exception {
		database.require();
		String table = "feedback_" + TestDatabase.uniquePrefix();
		int instances = 8;
		List<HikariDataSource> pools = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			CyclicBarrier together = new CyclicBarrier(instances);
			List<Future<JdbcFeedbackStore>> starts = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				HikariDataSource pool = database.dataSource(table);
				pools.add(pool);
				starts.add(executor.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return JdbcFeedbackStore.create(pool, table);
				}));
			}
			for (Future<JdbcFeedbackStore> start : starts) {
				assertThat(start.get(60, TimeUnit.SECONDS).find("any", 1)).isEmpty();
			}
		}
		finally {
			executor.shutdownNow();
			try (Connection connection = pools.get(0).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE IF EXISTS " + table);
			}
			pools.forEach(HikariDataSource::close);
		}
	}

	@Test
	void aTableNameThatIsNotAPlainIdentifierIsRefused() {
		try (HikariDataSource dataSource = TestDatabase.H2.dataSource(TestDatabase.uniquePrefix())) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> JdbcFeedbackStore.create(dataSource, "feedback; DROP TABLE x"))
				.withMessageContaining("but was 'feedback; DROP TABLE x'");
		}
	}

}
