package io.flagstaff.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;

/**
 * Keeps a local copy of a shared store's last good content, so an application can start
 * while the shared store is down. Every successful load whose revision changed rewrites
 * the backup file (a native JSON document, written atomically); when a load fails with a
 * {@link FeatureStoreException} (store unreachable) before any load succeeded in this
 * process, the backup is served instead, with revision {@code -1}. After a successful
 * load, failures are passed on, so the evaluator keeps its last good snapshot and reports
 * the outage. Invalid content ({@link io.flagstaff.config.FeatureConfigException}) is
 * never masked by the backup. Writes go to the wrapped store, which must then be a
 * {@link WritableFeatureStore}. Thread-safe.
 */
public final class BackupFeatureStore extends ForwardingWritableFeatureStore {

	/** The revision of content served from the backup file. */
	public static final long BACKUP_REVISION = -1;

	private final FeatureStore delegate;

	private final Path backup;

	private boolean loadedOnce;

	private long savedRevision = Long.MIN_VALUE;

	private BackupFeatureStore(FeatureStore delegate, Path backup) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.backup = backup.toAbsolutePath();
	}

	/**
	 * Wraps a store with a backup file.
	 * @param delegate the shared store
	 * @param backup the backup file (a {@code .json} native document; created on first
	 * load)
	 * @return the store
	 */
	public static BackupFeatureStore of(FeatureStore delegate, Path backup) {
		return new BackupFeatureStore(delegate, backup);
	}

	/**
	 * Returns the backup file.
	 * @return the absolute path
	 */
	public Path backupFile() {
		return this.backup;
	}

	@Override
	public synchronized StoreContent load() {
		StoreContent content;
		try {
			content = this.delegate.load();
		}
		catch (FeatureStoreException ex) {
			if (!this.loadedOnce && Files.isRegularFile(this.backup)) {
				return new StoreContent(readBackup(ex), BACKUP_REVISION);
			}
			throw ex;
		}
		return saved(content);
	}

	/**
	 * Reads the changed flags through the wrapped store, and saves the content after the
	 * change.
	 */
	@Override
	public synchronized StoreContent load(StoreContent held, StoreChange change) {
		return saved(this.delegate.load(held, change));
	}

	private StoreContent saved(StoreContent content) {
		this.loadedOnce = true;
		if (content.revision() != this.savedRevision) {
			save(content);
		}
		return content;
	}

	private io.flagstaff.model.FeatureSet readBackup(FeatureStoreException cause) {
		try {
			String text = Files.readString(this.backup, StandardCharsets.UTF_8);
			return FeatureDocuments.parse(text, "backup file " + this.backup);
		}
		catch (IOException ex) {
			cause.addSuppressed(ex);
			throw cause;
		}
	}

	private void save(StoreContent content) {
		String text = FeatureDocuments.write(content.features(), Syntax.JSON);
		try {
			AtomicFiles.write(this.backup, text);
			this.savedRevision = content.revision();
		}
		catch (IOException ex) {
			// the backup is best effort: serving the fresh content matters more
		}
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		return this.delegate.subscribe(listener);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	WritableFeatureStore writable() {
		if (this.delegate instanceof WritableFeatureStore writable) {
			return writable;
		}
		throw new FeatureStoreException(this.delegate + " is read-only; write to a WritableFeatureStore");
	}

	@Override
	public String toString() {
		return this.delegate + " (backup " + this.backup + ")";
	}

}
