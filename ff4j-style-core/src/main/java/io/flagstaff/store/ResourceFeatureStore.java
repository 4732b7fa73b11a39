package io.flagstaff.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.LegacyOptions;
import org.jspecify.annotations.Nullable;

/**
 * A read-only {@link FeatureStore} over one document, a file or a classpath resource, in
 * any format {@link FeatureDocuments#parse(String, String, LegacyOptions)} reads. The
 * document is read and validated once, on the first {@link #load()}; later loads return
 * the same content. The revision is derived from a hash of the document's bytes, so the
 * same document always has the same revision. Thread-safe.
 * <p>
 * For a file that is watched and written, use {@link FileFeatureStore}.
 */
public final class ResourceFeatureStore implements FeatureStore {

	/** The prefix that designates a classpath resource. */
	public static final String CLASSPATH_PREFIX = "classpath:";

	private final String location;

	private final LegacyOptions legacyOptions;

	private final @Nullable ClassLoader classLoader;

	private volatile @Nullable StoreContent content;

	private ResourceFeatureStore(String location, LegacyOptions legacyOptions, @Nullable ClassLoader classLoader) {
		this.location = Objects.requireNonNull(location, "location");
		this.legacyOptions = Objects.requireNonNull(legacyOptions, "legacyOptions");
		this.classLoader = classLoader;
	}

	/**
	 * Creates a store over a location: {@code classpath:features.yml} for a classpath
	 * resource (read with the thread's context class loader), anything else for a file
	 * path.
	 * @param location the location
	 * @return the store; nothing is read yet
	 */
	public static ResourceFeatureStore of(String location) {
		return new ResourceFeatureStore(location, LegacyOptions.DEFAULTS, null);
	}

	/**
	 * Creates a store over a location, reading a legacy document with the given options.
	 * @param location {@code classpath:...} or a file path
	 * @param legacyOptions how a legacy document is converted
	 * @return the store; nothing is read yet
	 */
	public static ResourceFeatureStore of(String location, LegacyOptions legacyOptions) {
		return new ResourceFeatureStore(location, legacyOptions, null);
	}

	/**
	 * Creates a store over a classpath resource read with the given class loader.
	 * @param resource the resource name, for example {@code config/features.yml}
	 * @param classLoader the class loader
	 * @return the store; nothing is read yet
	 */
	public static ResourceFeatureStore ofClasspath(String resource, ClassLoader classLoader) {
		return new ResourceFeatureStore(CLASSPATH_PREFIX + resource, LegacyOptions.DEFAULTS,
				Objects.requireNonNull(classLoader, "classLoader"));
	}

	/**
	 * Creates a store over a file.
	 * @param file the file
	 * @return the store; nothing is read yet
	 */
	public static ResourceFeatureStore ofFile(Path file) {
		return new ResourceFeatureStore(file.toString(), LegacyOptions.DEFAULTS, null);
	}

	/**
	 * Returns the location read.
	 * @return the location, as given
	 */
	public String location() {
		return this.location;
	}

	/**
	 * Reads and validates the document on the first call; returns the same content
	 * afterwards.
	 * @return the content, with a revision derived from the document's hash
	 * @throws FeatureStoreException when the file or resource cannot be read
	 * @throws io.flagstaff.config.FeatureConfigException listing every problem when the
	 * document is invalid (the next call reads it again)
	 */
	@Override
	public StoreContent load() {
		StoreContent loaded = this.content;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.content;
				if (loaded == null) {
					byte[] bytes = read();
					String text = new String(bytes, StandardCharsets.UTF_8);
					loaded = new StoreContent(FeatureDocuments.parse(text, this.location, this.legacyOptions),
							revision(bytes));
					this.content = loaded;
				}
			}
		}
		return loaded;
	}

	private byte[] read() {
		if (this.location.startsWith(CLASSPATH_PREFIX)) {
			String resource = this.location.substring(CLASSPATH_PREFIX.length());
			while (resource.startsWith("/")) {
				resource = resource.substring(1);
			}
			ClassLoader loader = (this.classLoader != null) ? this.classLoader
					: Thread.currentThread().getContextClassLoader();
			if (loader == null) {
				loader = ResourceFeatureStore.class.getClassLoader();
			}
			try (InputStream stream = loader.getResourceAsStream(resource)) {
				if (stream == null) {
					throw new FeatureStoreException("No classpath resource '" + resource + "' for " + this.location
							+ "; check the name and that the file is under src/main/resources");
				}
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new FeatureStoreException("Cannot read " + this.location + ": " + ex.getMessage(), ex);
			}
		}
		Path file = Path.of(this.location);
		if (!Files.isRegularFile(file)) {
			throw new FeatureStoreException("No file " + file.toAbsolutePath()
					+ "; check the path, or prefix it with classpath: for a classpath resource");
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new FeatureStoreException("Cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The first eight bytes of the document's SHA-256, as a non-negative number.
	 * @param bytes the document
	 * @return the revision
	 */
	static long revision(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "ResourceFeatureStore[" + this.location + "]";
	}

}
