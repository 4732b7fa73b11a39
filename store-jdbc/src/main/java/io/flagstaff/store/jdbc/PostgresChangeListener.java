package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Follows a PostgreSQL notification channel on a dedicated connection, on its own daemon
 * thread, which only hands the payloads on (the store queues them for another thread) and
 * goes back to listening: it never waits for a reload, so it never holds its connection
 * while another is needed. Every failure (the first connection, a broken connection, a
 * failed reconnect) is reported at once, then it reconnects with a growing pause (100 ms
 * up to 2 s); after each successful (re)connect it asks for a full revision check, which
 * reports the store up again and catches up on a notification sent while disconnected.
 * The connection carries {@code application_name = flagstaff-listener-<channel>-<n>}.
 */
final class PostgresChangeListener {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final DataSource dataSource;

	private final String channel;

	private final Consumer<List<String>> notified;

	private final Consumer<Exception> failed;

	private final Runnable connected;

	private final String applicationName;

	private final Thread thread;

	private volatile boolean closed;

	private volatile @Nullable Connection connection;

	PostgresChangeListener(DataSource dataSource, String channel, Consumer<List<String>> notified,
			Consumer<Exception> failed, Runnable connected) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.notified = notified;
		this.failed = failed;
		this.connected = connected;
		this.applicationName = "flagstaff-listener-" + channel + "-" + COUNTER.incrementAndGet();
		this.thread = new Thread(this::run, this.applicationName);
		this.thread.setDaemon(true);
	}

	String applicationName() {
		return this.applicationName;
	}

	void start() {
		this.thread.start();
	}

	private void run() {
		long pause = 100;
		while (!this.closed) {
			try (Connection open = this.dataSource.getConnection()) {
				this.connection = open;
				open.setAutoCommit(true);
				try (Statement statement = open.createStatement()) {
					statement.execute("set application_name = '" + this.applicationName + "'");
					statement.execute("listen " + this.channel);
				}
				pause = 100;
				this.connected.run();
				PGConnection postgres = open.unwrap(PGConnection.class);
				while (!this.closed) {
					PGNotification[] notifications = postgres.getNotifications(500);
					if (notifications == null) {
						continue;
					}
					List<String> payloads = new ArrayList<>(notifications.length);
					for (PGNotification notification : notifications) {
						payloads.add(notification.getParameter());
					}
					this.notified.accept(payloads);
				}
			}
			catch (VirtualMachineError error) {
				throw error;
			}
			catch (Throwable ex) {
				if (this.closed) {
					return;
				}
				this.failed.accept((ex instanceof Exception exception) ? exception
						: new IllegalStateException("The notification listener failed: " + ex, ex));
				if (!pause(pause)) {
					return;
				}
				pause = Math.min(pause * 2, 2000);
			}
		}
	}

	private boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void close() {
		this.closed = true;
		this.thread.interrupt();
		Connection open = this.connection;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

}
