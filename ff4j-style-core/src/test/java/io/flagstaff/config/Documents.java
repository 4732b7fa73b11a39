package io.flagstaff.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads test documents from the classpath.
 */
final class Documents {

	private Documents() {
	}

	static String read(String name) {
		try (InputStream stream = Documents.class.getResourceAsStream(name)) {
			if (stream == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A native document with one flag whose body is the given YAML flow mapping. */
	static String flag(String body) {
		return "version: 1\nfeatures:\n  f: " + body + "\n";
	}

}
