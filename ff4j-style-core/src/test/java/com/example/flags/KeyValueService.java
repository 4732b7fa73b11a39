package com.example.flags;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory stand-in for a key-value service with transactions, the way etcd works:
 * every key has a version (1 when created, one more with every write), the service has a
 * revision that every transaction that writes moves, and a transaction writes several
 * keys at once provided the keys it compares still have the versions the caller read and,
 * optionally, the service still has the revision the caller read. Each application
 * instance {@link #connect() connects} its own client; a test can cut a client off, as a
 * network would. Thread-safe.
 */
public final class KeyValueService {

	private final String name;

	private final TreeMap<String, Entry> entries = new TreeMap<>();

	private final List<Client> clients = new CopyOnWriteArrayList<>();

	private long revision;

	private long nextClient = 1;

	/**
	 * Creates an empty service.
	 * @param name its name, for messages
	 */
	public KeyValueService(String name) {
		this.name = name;
	}

	/**
	 * One stored value.
	 *
	 * @param value the value
	 * @param version 1 when created, one more with every write
	 * @param createRevision the revision that created the key
	 */
	public record Entry(String value, long version, long createRevision) {
	}

	/**
	 * The values under a prefix, all read at one revision.
	 *
	 * @param revision the service's revision
	 * @param entries the values by key
	 */
	public record Snapshot(long revision, SortedMap<String, Entry> entries) {
	}

	/**
	 * Told about a client's connection and the service's changes, on the client's own
	 * thread.
	 */
	public interface Watcher {

		/**
		 * A transaction wrote at this revision.
		 * @param revision the new revision
		 * @param keys the keys it wrote or deleted
		 */
		void changed(long revision, Set<String> keys);

		/**
		 * The connection was lost; changes made meanwhile are not told.
		 * @param failure what went wrong
		 */
		void lost(Exception failure);

		/**
		 * The connection is back.
		 */
		void resumed();

	}

	/**
	 * Thrown by a client that cannot reach the service.
	 */
	public static final class UnreachableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnreachableException(String message) {
			super(message);
		}

	}

	/**
	 * Connects a new client.
	 * @return the client
	 */
	public synchronized Client connect() {
		Client client = new Client(this.name + " client " + this.nextClient++);
		this.clients.add(client);
		return client;
	}

	private synchronized long revision() {
		return this.revision;
	}

	private synchronized @Nullable Entry get(String key) {
		return this.entries.get(key);
	}

	private synchronized Snapshot scan(String prefix) {
		SortedMap<String, Entry> found = new TreeMap<>(this.entries.subMap(prefix, prefix + Character.MAX_VALUE));
		return new Snapshot(this.revision, Collections.unmodifiableSortedMap(found));
	}

	private long commit(Map<String, Long> expectedVersions, OptionalLong expectedRevision,
			Map<String, @Nullable String> writes) {
		long committed;
		synchronized (this) {
			for (Map.Entry<String, Long> expected : expectedVersions.entrySet()) {
				Entry current = this.entries.get(expected.getKey());
				if (((current != null) ? current.version() : 0) != expected.getValue()) {
					return -1;
				}
			}
			if (expectedRevision.isPresent() && expectedRevision.getAsLong() != this.revision) {
				return -1;
			}
			committed = ++this.revision;
			writes.forEach((key, value) -> {
				Entry current = this.entries.get(key);
				if (value == null) {
					this.entries.remove(key);
				}
				else if (current == null) {
					this.entries.put(key, new Entry(value, 1, committed));
				}
				else {
					this.entries.put(key, new Entry(value, current.version() + 1, current.createRevision()));
				}
			});
		}
		for (Client client : this.clients) {
			client.changed(committed, Set.copyOf(writes.keySet()));
		}
		return committed;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * One instance's connection to the service. Thread-safe.
	 */
	public final class Client implements AutoCloseable {

		private final String name;

		private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

		private final ExecutorService events;

		private volatile boolean cut;

		private Client(String name) {
			this.name = name;
			this.events = Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, name);
				thread.setDaemon(true);
				return thread;
			});
		}

		/**
		 * Returns the service's revision.
		 * @return the revision, 0 before the first write
		 */
		public long revision() {
			reachable();
			return KeyValueService.this.revision();
		}

		/**
		 * Reads one key.
		 * @param key the key
		 * @return the value, or {@code null} when the key does not exist
		 */
		public @Nullable Entry get(String key) {
			reachable();
			return KeyValueService.this.get(key);
		}

		/**
		 * Reads every key under a prefix at one revision.
		 * @param prefix the prefix
		 * @return the values
		 */
		public Snapshot scan(String prefix) {
			reachable();
			return KeyValueService.this.scan(prefix);
		}

		/**
		 * Writes keys atomically (a {@code null} value deletes the key), provided every
		 * compared key has the expected version (0: absent) and the service the expected
		 * revision, if one is given.
		 * @param expectedVersions the versions to compare, by key
		 * @param expectedRevision the revision to compare, if any
		 * @param writes the values to write, by key
		 * @return the new revision, or -1 when a comparison failed (nothing written)
		 */
		public long commit(Map<String, Long> expectedVersions, OptionalLong expectedRevision,
				Map<String, @Nullable String> writes) {
			reachable();
			return KeyValueService.this.commit(expectedVersions, expectedRevision, writes);
		}

		/**
		 * Watches the service's changes (and this connection) until the returned handle
		 * is closed.
		 * @param watcher told on this client's thread
		 * @return the handle
		 */
		public AutoCloseable watch(Watcher watcher) {
			this.watchers.add(watcher);
			if (this.cut) {
				tell((each) -> each.lost(new UnreachableException(this + " is cut off")));
			}
			return () -> this.watchers.remove(watcher);
		}

		/**
		 * Cuts this client off the service, as a broken network would.
		 */
		public void cut() {
			this.cut = true;
			tell((watcher) -> watcher.lost(new UnreachableException(this + " is cut off")));
		}

		/**
		 * Connects this client again.
		 */
		public void restore() {
			this.cut = false;
			tell(Watcher::resumed);
		}

		private void reachable() {
			if (this.cut) {
				throw new UnreachableException(this + " is cut off");
			}
		}

		private void tell(Consumer<Watcher> event) {
			submit(() -> this.watchers.forEach(event));
		}

		private void changed(long revision, Set<String> keys) {
			if (!this.cut) {
				tell((watcher) -> watcher.changed(revision, keys));
			}
		}

		private void submit(Runnable task) {
			try {
				this.events.execute(task);
			}
			catch (RejectedExecutionException ex) {
				// closed
			}
		}

		@Override
		public void close() {
			KeyValueService.this.clients.remove(this);
			this.events.shutdownNow();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
