package io.flagstaff.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's Markdown pages and their fenced code blocks.
 */
final class Markdown {

	private Markdown() {
	}

	/**
	 * A fenced code block.
	 *
	 * @param page the page, relative to the project root
	 * @param line the line of the opening fence (1-based)
	 * @param language the fence's language ({@code java}, {@code yaml}, ...), empty when
	 * none
	 * @param text the block's text, ending with a line break
	 */
	record Block(String page, int line, String language, String text) {

		String where() {
			return this.page + ":" + this.line;
		}

	}

	static Path root() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("docs-tests"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No project root (with docs-tests/) above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}

	/**
	 * Returns README.md and every page under docs/, relative to the project root.
	 * @return the pages
	 */
	static List<String> pages() {
		List<String> pages = new ArrayList<>();
		pages.add("README.md");
		try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
			docs.map((path) -> "docs/" + path.getFileName())
				.filter((name) -> name.endsWith(".md"))
				.sorted()
				.forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	static String read(String page) {
		try {
			return Files.readString(root().resolve(page), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Block> blocks(String page) {
		List<Block> blocks = new ArrayList<>();
		String[] lines = read(page).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith("```") && lines[i].length() > 3 || lines[i].equals("```")) {
				String language = lines[i].substring(3).trim();
				StringBuilder text = new StringBuilder();
				int start = i;
				for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
					text.append(lines[i]).append('\n');
				}
				blocks.add(new Block(page, start + 1, language, text.toString()));
			}
		}
		return blocks;
	}

	static List<Block> blocks(String page, String language) {
		return blocks(page).stream().filter((block) -> block.language().equals(language)).toList();
	}

}
