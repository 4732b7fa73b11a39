package io.flagstaff.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.flagstaff.Flagstaff;
import io.flagstaff.sample.ShopClient.Answer;
import io.flagstaff.store.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's {@code jdbc} profile on the shared PostgreSQL (127.0.0.1:5432, database
 * {@code test}), each test with its own table prefix: the flags come from the database,
 * bootstrapped from {@code features.yml} with the actor {@code bootstrap}; two shops
 * started at the same moment on an empty database both start and create each flag once.
 */
class JdbcProfileTests {

	@BeforeAll
	static void postgres() {
		TestServices.require("PostgreSQL", 5432);
	}

	static String uniquePrefix() {
		return "shop" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
	}

	static void dropTables(DataSource dataSource, String prefix) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : new String[] { "documents", "audit", "revision", "feedback" }) {
				statement.execute("drop table if exists " + prefix + table);
			}
		}
	}

	/** Flag key to the actors of its audit entries, read from the database. */
	static Map<String, List<String>> audit(DataSource dataSource, String prefix) throws SQLException {
		Map<String, List<String>> actors = new TreeMap<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select name, action, actor from " + prefix + "audit order by id");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				actors.computeIfAbsent(rows.getString(1), (key) -> new ArrayList<>())
					.add(rows.getString(2) + " by " + rows.getString(3));
			}
		}
		return actors;
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@ActiveProfiles("jdbc")
	class OneShop {

		static final String PREFIX = uniquePrefix();

		@DynamicPropertySource
		static void table(DynamicPropertyRegistry registry) {
			registry.add("flagstaff.store.jdbc.table-prefix", () -> PREFIX);
		}

		@LocalServerPort
		int port;

		@Autowired
		Flagstaff flagstaff;

		@Autowired
		DataSource dataSource;

		@AfterAll
		static void dropTheTables(@Autowired DataSource dataSource) throws SQLException {
			dropTables(dataSource, PREFIX);
		}

		@Test
		void servesTheFlagsOfTheDatabaseBootstrappedFromTheDocument() throws Exception {
			assertThat(this.flagstaff.store().toString()).contains(PREFIX);
			assertThat(this.flagstaff.snapshot().featureKeys()).contains("new-ui", "advanced-search", "pricing");
			assertThat(audit(this.dataSource, PREFIX))
				.allSatisfy((key, actions) -> assertThat(actions).as(key).containsExactly("CREATE by bootstrap"));
			ShopClient shop = ShopClient.on(this.port);
			Answer health = shop.get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.text("/components/flagstaff/details/store")).isEqualTo("JdbcFeatureStore");
			Answer flag = shop.get("/actuator/features/new-ui");
			assertThat(flag.text("/audit/0/actor")).isEqualTo("bootstrap");
		}

		@Test
		void anAdminChangeIsStoredInTheDatabase() throws Exception {
			Answer change = ShopClient.on(this.port)
				.as("admin", "change-me")
				.post("/actuator/features/heavy-report", "{\"action\":\"disable\"}");
			assertThat(change.status()).as(change.body()).isEqualTo(200);
			assertThat(audit(this.dataSource, PREFIX).get("heavy-report")).containsExactly("CREATE by bootstrap",
					"DISABLE by admin");
		}

	}

	@Test
	void twoShopsStartedTogetherOnAnEmptyDatabaseBothStartAndCreateEachFlagOnce() throws Exception {
		String prefix = uniquePrefix();
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
		for (int instance = 0; instance < 2; instance++) {
			starts.add(CompletableFuture.supplyAsync(() -> {
				try {
					together.await(60, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return new SpringApplicationBuilder(ShopApplication.class).profiles("jdbc")
					.run("--server.port=0", "--flagstaff.store.jdbc.table-prefix=" + prefix,
							"--spring.main.banner-mode=off");
			}));
		}
		List<ConfigurableApplicationContext> shops = new ArrayList<>();
		try {
			for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
				shops.add(start.get(120, TimeUnit.SECONDS));
			}
			DataSource dataSource = shops.get(0).getBean(DataSource.class);
			Map<String, List<String>> audit = audit(dataSource, prefix);
			assertThat(audit.keySet()).containsAll(shops.get(0).getBean(Flagstaff.class).snapshot().featureKeys());
			assertThat(audit)
				.allSatisfy((key, actions) -> assertThat(actions).as(key).containsExactly("CREATE by bootstrap"));
			for (ConfigurableApplicationContext shop : shops) {
				int port = ((WebServerApplicationContext) shop).getWebServer().getPort();
				Answer health = ShopClient.on(port).get("/actuator/health/readiness");
				assertThat(health.status()).isEqualTo(200);
				assertThat(shop.getBean(Flagstaff.class).snapshot().featureKeys()).isEqualTo(audit.keySet());
			}
		}
		finally {
			for (ConfigurableApplicationContext shop : shops) {
				if (shop == shops.get(shops.size() - 1)) {
					dropTables(shop.getBean(DataSource.class), prefix);
				}
				shop.close();
			}
		}
	}

}
