package io.flagstaff.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties table of docs/spring-boot.md ("Properties" section) and the starter's
 * configuration metadata (what IDEs show) list the same {@code flagstaff.*} properties.
 */
class PropertiesDocTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(flagstaff\\.[^`]+)`(?: / `([^`]+)`)? \\|",
			Pattern.MULTILINE);

	@Test
	void everyPropertyIsDocumentedAndEveryDocumentedPropertyExists() throws IOException {
		Set<String> metadata = metadataProperties();
		assertThat(metadata).isNotEmpty();
		Set<String> documented = documentedProperties();
		assertThat(documented).as("properties in docs/spring-boot.md that the starter does not have")
			.isSubsetOf(metadata);
		assertThat(metadata).as("properties of the starter missing from docs/spring-boot.md").isSubsetOf(documented);
	}

	private static Set<String> metadataProperties() throws IOException {
		Set<String> names = new TreeSet<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(PropertiesDocTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("flagstaff.") && !property.has("deprecation")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	private static Set<String> documentedProperties() {
		String page = Markdown.read("docs/spring-boot.md");
		int start = page.indexOf("\n## Properties\n");
		assertThat(start).as("docs/spring-boot.md has a Properties section").isNotNegative();
		int end = page.indexOf("\n## ", start + 1);
		page = page.substring(start, (end > 0) ? end : page.length());
		Set<String> names = new TreeSet<>();
		Matcher rows = ROW.matcher(page);
		while (rows.find()) {
			String first = rows.group(1).replaceAll("\\.\\*$", "");
			names.add(first);
			if (rows.group(2) != null) {
				names.add(first.substring(0, first.lastIndexOf('.') + 1) + rows.group(2));
			}
		}
		return names;
	}

}
