package io.flagstaff.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a whole file so that readers see the old content or the new one, never half of
 * it: through a temporary file in the same folder renamed over the target.
 */
final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * Replaces a file's content atomically (where the file system can rename atomically),
	 * creating its folder when missing.
	 * @param path the file
	 * @param text the new content, written as UTF-8
	 * @throws IOException when the folder or the file cannot be written
	 */
	static void write(Path path, String text) throws IOException {
		Path directory = path.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
