package io.flagstaff.openfeature.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;

/**
 * The flags the specification's features assume, in Flagstaff's format (a test resource
 * of this module; the specification's own test-flags.json is never copied).
 */
public final class TestFlags {

	private static final String RESOURCE = "/io/flagstaff/openfeature/conformance/test-flags.yml";

	private TestFlags() {
	}

	/**
	 * Reads the flags.
	 * @return the feature set
	 */
	public static FeatureSet load() {
		try (InputStream in = TestFlags.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Test resource " + RESOURCE + " is missing");
			}
			return FeatureDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
