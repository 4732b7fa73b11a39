package io.flagstaff.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;
import io.flagstaff.internal.Background;
import io.flagstaff.internal.SnapshotCompiler;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * A writable store kept in one native JSON or YAML document ({@code .json}, {@code .yml},
 * {@code .yaml}). Edits made to the file by hand are picked up by a {@link WatchService}
 * and, as a fallback for file systems without change events, by polling; bursts of events
 * are debounced into one reload. Writes through the API rewrite the whole document
 * atomically (a temporary file in the same folder renamed over the original), so readers
 * never see half a file; comments and formatting of a hand-written file are not preserved
 * by a write.
 * <p>
 * Flag versions and audit entries live in memory (the newest 10,000 entries): they
 * restart at the file's content when the process restarts. A missing file is an empty
 * store; the first write creates it. Thread-safe.
 */
public final class FileFeatureStore extends AbstractWritableFeatureStore {

	private static final System.Logger logger = System.getLogger(FileFeatureStore.class.getName());

	private final Path path;

	private final Syntax syntax;

	private final Duration pollInterval;

	private final Duration debounce;

	private final boolean watch;

	private final LocalStoreState state = new LocalStoreState();

	private final Object fileLock = new Object();

	private @Nullable String loadedText;

	private boolean loadedStructureOnly;

	/** Whether the file was read at least once; guarded by the file lock. */
	private boolean read;

	private volatile @Nullable String seenText;

	private @Nullable ScheduledExecutorService executor;

	private @Nullable ScheduledFuture<?> pending;

	private @Nullable WatchService watchService;

	private FileFeatureStore(Builder builder) {
		super(builder.clock);
		this.path = builder.path.toAbsolutePath();
		this.syntax = syntaxOf(this.path);
		this.pollInterval = builder.pollInterval;
		this.debounce = builder.debounce;
		this.watch = builder.watch;
	}

	/**
	 * Creates a store over a file, watched with the defaults.
	 * @param path the {@code .json}, {@code .yml} or {@code .yaml} file
	 * @return the store
	 */
	public static FileFeatureStore of(Path path) {
		return builder(path).build();
	}

	/**
	 * Starts building a store over a file.
	 * @param path the {@code .json}, {@code .yml} or {@code .yaml} file
	 * @return a builder
	 */
	public static Builder builder(Path path) {
		return new Builder(path);
	}

	private static Syntax syntaxOf(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".json")) {
			return Syntax.JSON;
		}
		if (name.endsWith(".yml") || name.endsWith(".yaml")) {
			return Syntax.YAML;
		}
		throw new IllegalArgumentException(
				"feature file " + path + " must end with .json, .yml or .yaml so its format is known");
	}

	/**
	 * Returns the file.
	 * @return the absolute path
	 */
	public Path path() {
		return this.path;
	}

	@Override
	public StoreContent load() {
		return sync(false);
	}

	/**
	 * Returns the file's content checked for its structure only, so that problems a hand
	 * edit left between flags do not block writes (each write is still checked for the
	 * problems it adds). Once the file was read, this answers from what was read last
	 * without reading again: the write primitive reads the file before it writes, and a
	 * hand edit it finds there moves the revision, so the write is checked again on it.
	 */
	@Override
	protected StoreContent contentToCheck() {
		synchronized (this.fileLock) {
			return this.read ? this.state.content() : sync(true);
		}
	}

	/**
	 * Brings the state up to date with the file: read fully checked, or for its structure
	 * only (the write path). A text read for its structure only (a hand edit a write read
	 * first, or this store's own write) is not parsed again by the next {@link #load()}:
	 * only the problems between its parts are checked then.
	 */
	private StoreContent sync(boolean structureOnly) {
		synchronized (this.fileLock) {
			String text = readText();
			this.read = true;
			if (!Objects.equals(text, this.loadedText)) {
				FeatureSet set = (text == null) ? FeatureSet.EMPTY
						: structureOnly ? FeatureDocuments.parseStructure(text, this.path.toString())
								: FeatureDocuments.parse(text, this.path.toString());
				if (!set.equals(this.state.content().features())) {
					this.state.replace((current) -> set);
				}
				this.loadedText = text;
				this.loadedStructureOnly = structureOnly;
			}
			else if (!structureOnly && this.loadedStructureOnly) {
				List<ConfigProblem> problems = SnapshotCompiler.problems(this.state.content().features());
				if (!problems.isEmpty()) {
					throw new FeatureConfigException(this.path.toString(), problems);
				}
				this.loadedStructureOnly = false;
			}
			return this.state.content();
		}
	}

	private @Nullable String readText() {
		try {
			return Files.readString(this.path, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new FeatureStoreException("Cannot read feature file " + this.path + ": " + ex.getMessage()
					+ "; check that it exists and is readable", ex);
		}
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		sync(true);
		return this.state.get(key);
	}

	@Override
	protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision) {
		synchronized (this.fileLock) {
			sync(true);
			return this.state.write(key, expectedVersion, next, entry, expectedRevision, this::writeFile);
		}
	}

	@Override
	protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision) {
		synchronized (this.fileLock) {
			sync(true);
			return this.state.writeSegment(name, conditions, entry, expectedRevision, this::writeFile);
		}
	}

	private void writeFile(FeatureSet set) {
		String text = FeatureDocuments.write(set, this.syntax);
		try {
			AtomicFiles.write(this.path, text);
		}
		catch (IOException ex) {
			throw new FeatureStoreException("Cannot write feature file " + this.path + ": " + ex.getMessage()
					+ "; check that its folder is writable", ex);
		}
		this.loadedText = text;
		this.loadedStructureOnly = true;
		this.seenText = text;
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return this.state.audit(key, limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.state.audit(null, limit);
	}

	@Override
	protected synchronized void startWatching() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "flagstaff-file-" + this.path.getFileName());
			thread.setDaemon(true);
			return thread;
		});
		this.executor = scheduler;
		this.seenText = readQuietly();
		long pollMillis = this.pollInterval.toMillis();
		scheduler.scheduleWithFixedDelay(this::check, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
		if (this.watch) {
			try {
				WatchService service = this.path.getFileSystem().newWatchService();
				Objects.requireNonNull(this.path.getParent(), "an absolute path has a parent")
					.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
							StandardWatchEventKinds.ENTRY_DELETE);
				this.watchService = service;
				Thread watcher = new Thread(() -> watchLoop(service), "flagstaff-watch-" + this.path.getFileName());
				watcher.setDaemon(true);
				watcher.start();
			}
			catch (IOException | UnsupportedOperationException ex) {
				// polling alone follows the file
			}
		}
	}

	private void watchLoop(WatchService service) {
		try {
			while (true) {
				WatchKey key = service.take();
				Background.run(logger, "Watching " + this.path, () -> {
					boolean ours = false;
					for (WatchEvent<?> event : key.pollEvents()) {
						Object context = event.context();
						ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
								|| (context instanceof Path changed && changed.equals(this.path.getFileName()));
					}
					key.reset();
					if (ours) {
						scheduleCheck();
					}
				});
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ClosedWatchServiceException ex) {
			// closed
		}
	}

	private synchronized void scheduleCheck() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler == null || scheduler.isShutdown()) {
			return;
		}
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.pending = scheduler.schedule(this::check, this.debounce.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Tells the listeners when the file changed; whatever a listener's reload throws is
	 * logged and the next change is checked all the same.
	 */
	private void check() {
		Background.run(logger, "Reloading " + this.path + " after a change", () -> {
			String text = readQuietly();
			if (!Objects.equals(text, this.seenText)) {
				this.seenText = text;
				fireChanged();
			}
		});
	}

	private @Nullable String readQuietly() {
		try {
			return readText();
		}
		catch (FeatureStoreException ex) {
			return this.seenText;
		}
	}

	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		if (this.watchService != null) {
			try {
				this.watchService.close();
			}
			catch (IOException ex) {
				// nothing left to release
			}
		}
	}

	@Override
	public String toString() {
		return "file store " + this.path;
	}

	/**
	 * Builds a {@link FileFeatureStore}. Not thread-safe.
	 */
	public static final class Builder {

		private final Path path;

		private Clock clock = Clock.systemUTC();

		private Duration pollInterval = Duration.ofSeconds(2);

		private Duration debounce = Duration.ofMillis(100);

		private boolean watch = true;

		private Builder(Path path) {
			this.path = Objects.requireNonNull(path, "path");
		}

		/**
		 * Sets the clock audit entries are stamped with.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets how often the file is polled for changes, as a fallback for missed watch
		 * events.
		 * @param pollInterval the interval (default 2 s)
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = positive("pollInterval", pollInterval);
			return this;
		}

		/**
		 * Sets how long to wait after a change event before reloading, so a burst of
		 * events (an editor saving in steps) causes one reload.
		 * @param debounce the delay (default 100 ms)
		 * @return this builder
		 */
		public Builder debounce(Duration debounce) {
			this.debounce = positive("debounce", debounce);
			return this;
		}

		/**
		 * Sets whether to use the file system's change events; when {@code false} only
		 * polling follows the file.
		 * @param watch whether to watch (default {@code true})
		 * @return this builder
		 */
		public Builder watch(boolean watch) {
			this.watch = watch;
			return this;
		}

		/**
		 * Builds the store; nothing is read until the first {@code load()}.
		 * @return the store
		 */
		public FileFeatureStore build() {
			return new FileFeatureStore(this);
		}

		private static Duration positive(String name, Duration value) {
			Objects.requireNonNull(value, name);
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

}
