package io.flagstaff.store;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/writing-a-store.md} true: its Java blocks are the example sources
 * this module compiles and tests (so they compile and pass the contracts), it names every
 * member a store author overrides or calls, and its dependency snippet names this
 * version.
 */
class WritingAStoreDocsTests {

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern TYPE = Pattern
		.compile("^(?:public )?(?:abstract |final )*(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

	private static Path root() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("docs/writing-a-store.md"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("docs/writing-a-store.md above the working directory").isNotNull();
		return directory;
	}

	private static String page() throws IOException {
		return Files.readString(root().resolve("docs/writing-a-store.md"), StandardCharsets.UTF_8);
	}

	private static List<String> blocks(String page, String language) {
		List<String> blocks = new ArrayList<>();
		String fence = "```" + language + "\n";
		int at = page.indexOf(fence);
		while (at >= 0) {
			int close = page.indexOf("\n```", at + fence.length());
			blocks.add(page.substring(at + fence.length(), close + 1));
			at = page.indexOf(fence, close + 4);
		}
		return blocks;
	}

	@Test
	void everyJavaBlockIsACompiledAndTestedSourceFileWordForWord() throws IOException {
		List<String> blocks = blocks(page(), "java");
		assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
		for (String block : blocks) {
			Matcher pkg = PACKAGE.matcher(block);
			Matcher type = TYPE.matcher(block);
			assertThat(pkg.find() && type.find()).as("a complete compilation unit:%n%s", block).isTrue();
			Path source = root().resolve("ff4j-style-core/src/test/java")
				.resolve(pkg.group(1).replace('.', '/'))
				.resolve(type.group(1) + ".java");
			assertThat(source).as("the source of the block declaring %s", type.group(1)).exists();
			assertThat(block).as("the block of %s, as in %s", type.group(1), source)
				.isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
		}
	}

	@ParameterizedTest
	@ValueSource(classes = { AbstractWritableFeatureStore.class, WritableFeatureStoreContract.class,
			MultiInstanceStoreContract.class, MultiInstanceStoreContract.Outage.class, WriteOutcome.class })
	void everyMemberAStoreAuthorUsesIsNamed(Class<?> type) throws IOException {
		String page = page();
		List<String> names = Stream
			.concat(Stream.of(type.getDeclaredMethods()).filter((method) -> !method.isSynthetic()),
					Stream.of(type.getDeclaredFields()))
			.filter((member) -> forAuthors(type, member))
			.map((member) -> (member instanceof Method) ? member.getName() + "(" : member.getName())
			.distinct()
			.toList();
		assertThat(names).isNotEmpty();
		assertThat(names).allSatisfy((name) -> assertThat(page).as("docs/writing-a-store.md").contains(name));
	}

	private static boolean forAuthors(Class<?> type, Member member) {
		int modifiers = member.getModifiers();
		if (type.isInterface()) {
			return !Modifier.isStatic(modifiers);
		}
		if (type == WriteOutcome.class) {
			return Modifier.isPublic(modifiers) && member instanceof Method method && method.getDeclaringClass() == type
					&& !List.of("equals", "hashCode", "toString").contains(method.getName());
		}
		return Modifier.isProtected(modifiers);
	}

	@Test
	void theDependencySnippetNamesThisVersion() throws IOException {
		String pom = Files.readString(root().resolve("pom.xml"), StandardCharsets.UTF_8);
		Matcher version = Pattern.compile("<artifactId>flagstaff-parent</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		assertThat(version.find()).isTrue();
		assertThat(blocks(page(), "xml")).singleElement()
			.asString()
			.contains("<artifactId>flagstaff-core</artifactId>", "<version>" + version.group(1) + "</version>",
					"<type>test-jar</type>");
	}

}
