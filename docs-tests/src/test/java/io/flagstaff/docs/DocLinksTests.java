package io.flagstaff.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of README and docs/ reaches a file of the repository, and every
 * {@code #anchor} a heading of its page (GitHub's anchor rules).
 */
class DocLinksTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	static List<String> pages() {
		return Markdown.pages();
	}

	@ParameterizedTest
	@MethodSource("pages")
	void everyRelativeLinkResolves(String page) {
		List<String> broken = new ArrayList<>();
		Path directory = Markdown.root().resolve(page).getParent();
		Matcher links = LINK.matcher(withoutCode(Markdown.read(page)));
		while (links.find()) {
			String link = links.group(1);
			if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("mailto:")) {
				continue;
			}
			int hash = link.indexOf('#');
			String file = (hash >= 0) ? link.substring(0, hash) : link;
			Path target = file.isEmpty() ? Markdown.root().resolve(page) : directory.resolve(file).normalize();
			if (!Files.exists(target)) {
				broken.add(link + " (no file " + Markdown.root().relativize(target) + ")");
			}
			else if (hash >= 0 && target.toString().endsWith(".md")
					&& !anchors(Markdown.read(Markdown.root().relativize(target).toString()))
						.contains(link.substring(hash + 1))) {
				broken.add(link + " (no heading with that anchor)");
			}
		}
		assertThat(broken).as("broken links in %s", page).isEmpty();
	}

	static Set<String> anchors(String markdown) {
		Set<String> anchors = new HashSet<>();
		for (String line : withoutCode(markdown).split("\n")) {
			if (line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").trim();
				String anchor = heading.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}\\- _]", "")
					.replace(' ', '-');
				String unique = anchor;
				for (int i = 1; !anchors.add(unique); i++) {
					unique = anchor + "-" + i;
				}
			}
		}
		return anchors;
	}

	private static String withoutCode(String markdown) {
		StringBuilder text = new StringBuilder();
		boolean code = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.startsWith("```")) {
				code = !code;
				continue;
			}
			if (!code) {
				text.append(line).append('\n');
			}
		}
		return text.toString();
	}

}
