package io.flagstaff.store.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;

/**
 * The Lettuce resources (event loops, threads, timer, reconnect delay) that the Redis
 * stores of one JVM share when they create their own clients: created by the first store,
 * shut down when the last one closes. Thread-safe.
 */
final class SharedResources {

	private static @Nullable ClientResources resources;

	private static int users;

	private SharedResources() {
	}

	/**
	 * Returns the shared resources, created if no store uses them; pair with
	 * {@link #release()}.
	 */
	static synchronized ClientResources acquire() {
		ClientResources current = resources;
		if (current == null) {
			current = ClientResources.builder()
				.reconnectDelay(
						Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
				.build();
			resources = current;
		}
		users++;
		return current;
	}

	/**
	 * Lets go of the resources; the last store to let go shuts them down.
	 */
	static synchronized void release() {
		ClientResources current = resources;
		if (current == null || --users > 0) {
			return;
		}
		resources = null;
		current.shutdown(0, 2, TimeUnit.SECONDS);
	}

}
