package io.flagstaff.store.jdbc;

import java.sql.Timestamp;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.WritableFeatureStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on one database, each test with fresh tables.
 */
abstract class JdbcStoreContract extends WritableFeatureStoreContract {

	private final TestDatabase database;

	private HikariDataSource dataSource;

	private String prefix;

	JdbcStoreContract(TestDatabase database) {
		this.database = database;
	}

	@Override
	protected WritableFeatureStore createStore(MutableClock clock) {
		this.database.require();
		this.prefix = TestDatabase.uniquePrefix();
		this.dataSource = this.database.dataSource(this.prefix);
		return this.database.store(this.dataSource, this.prefix, clock).build();
	}

	@Override
	protected void storeUnchecked(FeatureDefinition feature) throws Exception {
		this.store.load();
		TestDatabase.execute(this.dataSource, "insert into " + this.prefix
				+ "documents (kind, name, version, document, updated_at, updated_by) values ('feature', ?, 1, ?, ?, 'hand')",
				feature.key(), FeatureDocumentCodec.writeFeature(feature), Timestamp.from(START));
	}

	@AfterEach
	void dropTheTables() throws Exception {
		if (this.dataSource != null) {
			this.store.close();
			TestDatabase.dropTables(this.dataSource, this.prefix);
			this.dataSource.close();
		}
	}

}
