package io.flagstaff.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that counts, on the client side, the statements its connections run, the
 * rows they read and the bytes of the strings read (documents, keys): what a PostgreSQL
 * without {@code pg_stat_statements} cannot tell per client. Thread-safe.
 */
final class CountingDataSource implements DataSource {

	private final DataSource delegate;

	private final Counters counters;

	CountingDataSource(DataSource delegate, Counters counters) {
		this.delegate = delegate;
		this.counters = counters;
	}

	/**
	 * The counts, shared by every data source of one run.
	 */
	static final class Counters {

		final LongAdder statements = new LongAdder();

		final LongAdder rows = new LongAdder();

		final LongAdder bytes = new LongAdder();

		Map<String, Long> snapshot() {
			return Map.of("statements", this.statements.sum(), "rows", this.rows.sum(), "bytes", this.bytes.sum());
		}

	}

	private <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (self, method, args) -> {
			Object result = invoke(connection, method, args);
			if (result instanceof PreparedStatement statement) {
				return statement(PreparedStatement.class, statement);
			}
			if (result instanceof Statement statement) {
				return statement(Statement.class, statement);
			}
			return result;
		});
	}

	private <S extends Statement> S statement(Class<S> type, S statement) {
		return proxy(type, statement, (self, method, args) -> {
			if (method.getName().startsWith("execute")) {
				this.counters.statements.increment();
			}
			Object result = invoke(statement, method, args);
			return (result instanceof ResultSet rows) ? resultSet(rows) : result;
		});
	}

	private ResultSet resultSet(ResultSet rows) {
		return proxy(ResultSet.class, rows, (self, method, args) -> {
			Object result = invoke(rows, method, args);
			if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
				this.counters.rows.increment();
			}
			else if (method.getName().equals("getString") && result instanceof String text) {
				this.counters.bytes.add(text.getBytes(StandardCharsets.UTF_8).length);
			}
			return result;
		});
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connection(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connection(this.delegate.getConnection(username, password));
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}
