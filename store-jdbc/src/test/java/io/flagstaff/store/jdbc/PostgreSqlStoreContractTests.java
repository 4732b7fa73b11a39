package io.flagstaff.store.jdbc;

class PostgreSqlStoreContractTests extends JdbcStoreContract {

	PostgreSqlStoreContractTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
