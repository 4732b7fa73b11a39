package io.flagstaff.store.jdbc;

class MariaDbStoreContractTests extends JdbcStoreContract {

	MariaDbStoreContractTests() {
		super(TestDatabase.MARIADB);
	}

}
