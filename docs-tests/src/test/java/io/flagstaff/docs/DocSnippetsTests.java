package io.flagstaff.docs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.flagstaff.config.FeatureDocuments;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of every page in docs/ compiles against the published modules, and
 * every flag document (a YAML or JSON block that starts with {@code version: 1}, or a
 * legacy {@code features_config.json}) parses.
 *
 * <p>
 * A Java block is either a complete compilation unit (it starts with {@code package} or
 * {@code import}), or a fragment: statements, compiled as the body of a method whose
 * parameters are the variables the fragment uses without declaring them. Those are named
 * in an HTML comment on the line just before the fence, invisible on the rendered page:
 * {@code <!-- given: String text, List<Condition> conditions -->}. A fragment sees the
 * public packages of Flagstaff, HikariCP's and {@code java.util}, {@code java.time},
 * {@code java.nio.file} and {@code java.util.concurrent}. A page whose snippets need
 * classes it does not show names their sources in a comment:
 * {@code <!-- compile with: path/from/the/root/Support.java -->}.
 */
class DocSnippetsTests {

	private static final Pattern GIVEN = Pattern.compile("<!-- given: (.*) -->");

	private static final Pattern COMPILE_WITH = Pattern.compile("<!-- compile with: (.*) -->");

	private static final Pattern COMPLETE = Pattern.compile("\\A(\\s*//[^\\n]*\\n)*\\s*(package|import) ");

	private static final Pattern TYPE = Pattern.compile(
			"^(?:public )?(?:final )?(?:abstract )?(?:class|interface|record|enum|@interface) (\\w+)",
			Pattern.MULTILINE);

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final List<String> FRAGMENT_IMPORTS = List.of("io.flagstaff", "io.flagstaff.model",
			"io.flagstaff.config", "io.flagstaff.store", "io.flagstaff.health", "io.flagstaff.hygiene",
			"io.flagstaff.experiments", "io.flagstaff.feedback", "io.flagstaff.store.jdbc", "io.flagstaff.store.redis",
			"io.flagstaff.cli.unleash", "com.zaxxer.hikari", "java.util", "java.time", "java.nio.file",
			"java.util.concurrent");

	static List<String> docs() {
		return Markdown.pages().stream().filter((page) -> page.startsWith("docs/")).toList();
	}

	@ParameterizedTest
	@MethodSource("docs")
	void everyJavaSnippetCompiles(String page, @TempDir Path output) throws IOException {
		List<JavaFileObject> sources = new ArrayList<>();
		String text = Markdown.read(page);
		String[] lines = text.split("\n", -1);
		for (Markdown.Block block : Markdown.blocks(page, "java")) {
			String previous = (block.line() >= 2) ? lines[block.line() - 2] : "";
			sources.add(source(block, previous, sources.size()));
		}
		if (sources.isEmpty()) {
			return;
		}
		Matcher support = COMPILE_WITH.matcher(text);
		List<Path> supportFiles = new ArrayList<>();
		while (support.find()) {
			for (String path : support.group(1).split(",")) {
				Path file = Markdown.root().resolve(path.strip());
				assertThat(file).as("a source %s names in <!-- compile with: -->", page).isRegularFile();
				supportFiles.add(file);
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			List<String> options = List.of("-classpath", classpath(), "-d", output.toString(), "-proc:none",
					"-Xlint:none", "-parameters");
			List<JavaFileObject> units = new ArrayList<>(sources);
			files.getJavaFileObjectsFromPaths(supportFiles).forEach(units::add);
			boolean compiled = compiler.getTask(null, files, diagnostics, options, null, units).call();
			StringBuilder problems = new StringBuilder();
			for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
				if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
					String where = (diagnostic.getSource() instanceof Snippet snippet)
							? snippet.where(diagnostic.getLineNumber())
							: diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber();
					problems.append(where).append(": ").append(diagnostic.getMessage(Locale.ROOT)).append('\n');
				}
			}
			assertThat(compiled).as("the Java snippets of %s compile:%n%s", page, problems).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("docs")
	void everyFlagDocumentParses(String page) {
		for (Markdown.Block block : Markdown.blocks(page)) {
			boolean document = (block.language().equals("yaml") || block.language().equals("json"))
					&& isFlagDocument(block.text());
			if (document) {
				assertThat(FeatureDocuments.parse(block.text(), block.where())).as(block.where()).isNotNull();
			}
		}
	}

	private static boolean isFlagDocument(String text) {
		String trimmed = text.stripLeading();
		return trimmed.startsWith("version: 1") || trimmed.startsWith("{\n  \"version\": 1")
				|| trimmed.startsWith("{\n  \"") && text.contains("\"active\"");
	}

	private static Snippet source(Markdown.Block block, String previousLine, int index) {
		if (COMPLETE.matcher(block.text()).find()) {
			Matcher type = TYPE.matcher(block.text());
			assertThat(type.find()).as("a type declared in the complete snippet at %s", block.where()).isTrue();
			Matcher pkg = PACKAGE.matcher(block.text());
			String path = (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
			return new Snippet(block, path, block.text(), 0);
		}
		Matcher given = GIVEN.matcher(previousLine);
		String parameters = given.find() ? given.group(1) : "";
		StringBuilder text = new StringBuilder("package snippets;\n");
		for (String name : FRAGMENT_IMPORTS) {
			if (exists(name)) {
				text.append("import ").append(name).append(".*;\n");
			}
		}
		String name = "Snippet" + index;
		text.append("class ").append(name).append(" {\n");
		text.append("@SuppressWarnings(\"unused\") void snippet(").append(parameters).append(") throws Exception {\n");
		int offset = (int) text.chars().filter((c) -> c == '\n').count();
		text.append(block.text()).append("}\n}\n");
		return new Snippet(block, "snippets/" + name + ".java", text.toString(), offset);
	}

	private static boolean exists(String packageName) {
		return DocSnippetsTests.class.getClassLoader().getResource(packageName.replace('.', '/')) != null
				|| packageName.startsWith("java.");
	}

	private static String classpath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static final class Snippet extends SimpleJavaFileObject {

		private final Markdown.Block block;

		private final String text;

		private final int offset;

		Snippet(Markdown.Block block, String path, String text, int offset) {
			super(URI.create("string:///" + path), Kind.SOURCE);
			this.block = block;
			this.text = text;
			this.offset = offset;
		}

		String where(long line) {
			return this.block.page() + ":" + (this.block.line() + line - this.offset);
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

}
