package io.flagstaff.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Hands out a data source's connections until the test cuts it off; can also refuse the
 * PostgreSQL listener thread's next connections.
 */
final class Cable implements DataSource {

	private final DataSource target;

	volatile boolean cut;

	/** How many more connections of the PostgreSQL listener thread to refuse. */
	final AtomicInteger refuseListener = new AtomicInteger();

	Cable(DataSource target) {
		this.target = target;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (this.cut) {
			throw new SQLTransientConnectionException("connection refused (cable cut by the test)");
		}
		if (Thread.currentThread().getName().startsWith("flagstaff-listener-")
				&& this.refuseListener.getAndDecrement() > 0) {
			throw new SQLTransientConnectionException("listener connection refused once by the test");
		}
		return this.target.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
