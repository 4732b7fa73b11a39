package io.flagstaff.store.jdbc;

class H2StoreContractTests extends JdbcStoreContract {

	H2StoreContractTests() {
		super(TestDatabase.H2);
	}

}
