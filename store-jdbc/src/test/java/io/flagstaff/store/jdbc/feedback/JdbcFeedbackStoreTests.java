package io.flagstaff.store.jdbc.feedback;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.flagstaff.FeatureContext;
import io.flagstaff.health.Feedback;
import io.flagstaff.health.FeedbackCollector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcFeedbackStoreTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");

	@ParameterizedTest
	@EnumSource
	void feedbackIsKeptAndReadBackPerFeatureInOrder(Database database) throws SQLException {
		DataSource dataSource = database.dataSource();
		String table = "feedback_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		try {
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
		finally {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE IF EXISTS " + table);
			}
		}
	}

	@Test
	void aTableNameThatIsNotAPlainIdentifierIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcFeedbackStore.create(Database.H2.dataSource(), "feedback; DROP TABLE x"))
			.withMessageContaining("but was 'feedback; DROP TABLE x'");
	}

	enum Database {

		H2 {
			@Override
			DataSource create() {
				JdbcDataSource dataSource = new JdbcDataSource();
				dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
				return dataSource;
			}
		},
		POSTGRESQL {
			@Override
			DataSource create() {
				PGSimpleDataSource dataSource = new PGSimpleDataSource();
				dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
				dataSource.setUser("postgres");
				return dataSource;
			}
		},
		MARIADB {
			@Override
			DataSource create() throws SQLException {
				MariaDbDataSource dataSource = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/test");
				dataSource.setUser("root");
				dataSource.setPassword("");
				return dataSource;
			}
		};

		abstract DataSource create() throws SQLException;

		/**
		 * Returns the database, failing under {@code CI=true} and skipping otherwise when
		 * it is not reachable.
		 */
		DataSource dataSource() throws SQLException {
			DataSource dataSource = create();
			try (Connection connection = dataSource.getConnection()) {
				return dataSource;
			}
			catch (SQLException ex) {
				if ("true".equals(System.getenv("CI"))) {
					throw ex;
				}
				Assumptions.abort(name() + " is not reachable on loopback: " + ex.getMessage());
				throw ex;
			}
		}

	}

}
