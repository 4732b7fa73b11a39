package io.flagstaff.spring.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.FlagstaffEvent;
import io.flagstaff.FlagstaffListener;
import io.flagstaff.config.FeatureConfigException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows a {@code Flagstaff}'s reloads and tells what keeps it from serving the store's
 * current content: a document that does not parse or compile (each problem with its place
 * and fix), or a store that cannot be reached. Each distinct problem is logged once as a
 * warning, however often the same content is polled; the problem is kept for the health
 * indicator until a reload succeeds (a new snapshot, the store back, or
 * {@link #resolved()}), and then forgotten, so the same mistake made again later is
 * logged again. The last good flags keep being served meanwhile. Thread-safe.
 */
public final class ReloadProblems implements FlagstaffListener {

	private static final Log logger = LogFactory.getLog(ReloadProblems.class);

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	private volatile @Nullable Problem current;

	private volatile long servedRevision = Long.MIN_VALUE;

	@Override
	public void onEvent(FlagstaffEvent event) {
		if (event instanceof FlagstaffEvent.ReloadFailed failed) {
			record(failed.time(), lines(failed.failure()));
		}
		else if (event instanceof FlagstaffEvent.StoreDown down) {
			record(down.time(), List.of(unreachable(down.failure())));
		}
		else if (event instanceof FlagstaffEvent.StoreUp) {
			resolved();
		}
		else if (event instanceof FlagstaffEvent.SnapshotSwapped swapped) {
			// a swap on the same revision only applies overrides to the content served
			if (swapped.storeRevision() != this.servedRevision) {
				this.servedRevision = swapped.storeRevision();
				resolved();
			}
		}
	}

	/**
	 * Returns what keeps the store's current content from being served.
	 * @return the problem, or {@code null} when the last reload succeeded
	 */
	public @Nullable Problem current() {
		return this.current;
	}

	/**
	 * Forgets the problem: a reload succeeded (the content was fixed back to what is
	 * served, for example).
	 */
	public void resolved() {
		if (this.current != null) {
			this.current = null;
			this.logged.clear();
			logger.info("Flagstaff reloaded its flags: the problem reported before is gone");
		}
	}

	private void record(Instant time, List<String> problems) {
		this.current = new Problem(time, problems);
		for (String problem : problems) {
			if (this.logged.add(problem)) {
				logger.warn("Flagstaff keeps serving its last good flags: " + problem);
			}
		}
	}

	private static List<String> lines(Exception failure) {
		if (failure instanceof FeatureConfigException config) {
			return config.getProblems()
				.stream()
				.map((problem) -> config.getSource() + ": " + problem
						+ " (fix the document; the next change is reloaded)")
				.toList();
		}
		return List.of(unreachable(failure));
	}

	private static String unreachable(@Nullable Exception failure) {
		return "the store cannot be reached" + ((failure != null) ? ": " + failure.getMessage() : "");
	}

	/**
	 * What keeps the store's current content from being served.
	 *
	 * @param since when it was last seen
	 * @param problems each problem, naming its place and fix
	 */
	public record Problem(Instant since, List<String> problems) {

		public Problem {
			Objects.requireNonNull(since, "since");
			problems = List.copyOf(problems);
		}

	}

}
