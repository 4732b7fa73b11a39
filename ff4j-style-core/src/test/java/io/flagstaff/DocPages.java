package io.flagstaff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the project's documentation pages ({@code docs/*.md}), so tests can keep their
 * examples honest.
 */
public final class DocPages {

	private DocPages() {
	}

	/**
	 * Reads a page of {@code docs/}.
	 * @param name the page, e.g. {@code configuration.md}
	 * @return its text
	 * @throws IllegalStateException when no {@code docs/} directory is above the working
	 * directory
	 */
	public static String read(String name) {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isRegularFile(directory.resolve("docs").resolve(name))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No docs/" + name + " above " + Path.of("").toAbsolutePath());
		}
		try {
			return Files.readString(directory.resolve("docs").resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
