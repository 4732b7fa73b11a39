package io.flagstaff.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.flagstaff.internal.SnapshotCompiler;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes feature configuration documents: the native format (JSON or YAML,
 * {@code version: 1}) and the legacy {@code features_config.json} format. Every method is
 * thread-safe and stateless.
 * <p>
 * Reading reports every problem of a document at once, each with its path and what to
 * change, in one {@link FeatureConfigException}; it never returns a partial result.
 */
public final class FeatureDocuments {

	private static final String DOCUMENT = "(document)";

	private static final System.Logger logger = System.getLogger(FeatureDocuments.class.getName());

	private FeatureDocuments() {
	}

	/**
	 * Reads a document, detecting its syntax (JSON when it starts with <code>{</code>,
	 * YAML otherwise) and its format (native when it has {@code version},
	 * {@code features} or {@code segments} at the top; legacy when every top-level value
	 * is a mapping of flag settings). Legacy documents are read with
	 * {@link LegacyOptions#DEFAULTS}.
	 * @param text the document
	 * @param source what was read, for messages (a path, {@code classpath:...})
	 * @return the flags and segments, in document order
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static FeatureSet parse(String text, String source) {
		return parse(text, source, LegacyOptions.DEFAULTS);
	}

	/**
	 * Reads a document like {@link #parse(String, String)}, reading a legacy document
	 * with the given options.
	 * @param text the document
	 * @param source what was read, for messages
	 * @param legacyOptions how a legacy document is converted
	 * @return the flags and segments, in document order
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static FeatureSet parse(String text, String source, LegacyOptions legacyOptions) {
		return logged(read(text, source, legacyOptions), source);
	}

	/**
	 * Reads a document like {@link #parse(String, String, LegacyOptions)}, returning its
	 * warnings instead of logging them: a legacy document is read as the legacy system
	 * reads it, and what looks like a mistake in it (an unknown key, an element no
	 * context value equals) is a warning with its legacy path.
	 * @param text the document
	 * @param source what was read, for messages
	 * @param legacyOptions how a legacy document is converted
	 * @return the flags and segments, in document order, and the warnings
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static ParsedDocument read(String text, String source, LegacyOptions legacyOptions) {
		JsonNode root = tree(text, detectSyntax(text), source);
		if (isLegacy(root)) {
			return legacy(root, source, legacyOptions);
		}
		return new ParsedDocument(nativeDocument(root, source), List.of());
	}

	/**
	 * Logs a document's warnings, once per read, and returns its flags.
	 */
	private static FeatureSet logged(ParsedDocument document, String source) {
		if (!document.warnings().isEmpty()) {
			logger.log(System.Logger.Level.WARNING, "Read " + source + " with " + document.warnings().size()
					+ " warning(s), as the legacy system would read it; fix them to be sure it means what it says:"
					+ document.warnings().stream().map((warning) -> "\n  - " + warning).collect(Collectors.joining()));
		}
		return document.features();
	}

	/**
	 * Reads a document like {@link #parse(String, String)}, reporting only the problems
	 * of its structure (syntax, fields, values); the problems between its parts that the
	 * evaluator's compiler reports (a prerequisite or segment nobody defines, a cycle, a
	 * weight for a missing variant) are left in. A writable store reads its own file this
	 * way, so that a write can fix a hand edit that has such a problem, or change
	 * something else, instead of being blocked by it.
	 * @param text the document
	 * @param source what was read, for messages
	 * @return the flags and segments, in document order
	 * @throws FeatureConfigException listing every structural problem
	 */
	public static FeatureSet parseStructure(String text, String source) {
		JsonNode root = tree(text, detectSyntax(text), source);
		Problems problems = new Problems();
		FeatureSet set = isLegacy(root) ? new LegacyReader(problems, LegacyOptions.DEFAULTS).document(root)
				: new NativeReader(problems).document(root);
		problems.throwIfAny(source);
		return Objects.requireNonNull(set);
	}

	/**
	 * Reads a native document in the given syntax.
	 * @param text the document
	 * @param syntax its syntax
	 * @param source what was read, for messages
	 * @return the flags and segments, in document order
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static FeatureSet parseNative(String text, Syntax syntax, String source) {
		return nativeDocument(tree(text, syntax, source), source);
	}

	/**
	 * Reads a legacy {@code features_config.json} document with
	 * {@link LegacyOptions#DEFAULTS}.
	 * @param json the document
	 * @param source what was read, for messages
	 * @return the flags converted to the native model
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static FeatureSet parseLegacy(String json, String source) {
		return parseLegacy(json, source, LegacyOptions.DEFAULTS);
	}

	/**
	 * Reads a legacy {@code features_config.json} document and converts it so that
	 * Flagstaff gives the answers of the legacy {@code is_enabled} cascade.
	 * @param json the document
	 * @param source what was read, for messages
	 * @param options how it is converted; {@code null} for {@link LegacyOptions#DEFAULTS}
	 * @return the flags converted to the native model
	 * @throws FeatureConfigException listing every problem when the document is invalid
	 */
	public static FeatureSet parseLegacy(String json, String source, @Nullable LegacyOptions options) {
		return logged(legacy(tree(json, detectSyntax(json), source), source,
				(options != null) ? options : LegacyOptions.DEFAULTS), source);
	}

	/**
	 * Writes a native document. Fields holding their default are left out; reading the
	 * result gives a set equal to the one written.
	 * @param set the flags and segments
	 * @param syntax the syntax to write
	 * @return the document
	 * @throws FeatureConfigException when the set holds what would not read back the
	 * same: a string that is not Unicode (a lone surrogate) or is over the
	 * {@link Limits}, a number over them
	 */
	public static String write(FeatureSet set, Syntax syntax) {
		Objects.requireNonNull(set, "set");
		return Mappers.of(syntax).writeValueAsString(readable(NativeWriter.document(set)));
	}

	/**
	 * Returns a tree about to be written once it is known to read back the same.
	 */
	private static <T extends JsonNode> T readable(T tree) {
		Problems problems = new Problems();
		DocumentBudget.check(tree, "", problems);
		problems.throwIfAny("the document to write");
		return tree;
	}

	/**
	 * Reads one flag written by {@link #writeFeature(FeatureDefinition)}: the flag's
	 * mapping of the native format, without its key. Segment references are not resolved
	 * here.
	 * @param key the flag key
	 * @param json the flag as JSON
	 * @param source what was read, for messages
	 * @return the flag
	 * @throws FeatureConfigException listing every problem when the flag is invalid
	 */
	public static FeatureDefinition parseFeature(String key, String json, String source) {
		Problems problems = new Problems();
		JsonNode node = tree(json, Syntax.JSON, source, Problems.child(NativeReader.FEATURES, key));
		FeatureDefinition feature = new NativeReader(problems).feature(key, node);
		problems.throwIfAny(source);
		return Objects.requireNonNull(feature);
	}

	/**
	 * Writes one flag as a compact JSON document (its mapping of the native format,
	 * without its key), for stores that keep each flag as a versioned document.
	 * @param feature the flag
	 * @return the JSON document
	 * @throws FeatureConfigException when the flag holds what would not read back the
	 * same (see {@link #write(FeatureSet, Syntax)})
	 */
	public static String writeFeature(FeatureDefinition feature) {
		return Mappers.COMPACT_JSON.writeValueAsString(readable(NativeWriter.feature(feature)));
	}

	/**
	 * Reads one segment written by {@link #writeSegment(List)}: a JSON list of
	 * conditions.
	 * @param name the segment name
	 * @param json the conditions as JSON
	 * @param source what was read, for messages
	 * @return the conditions
	 * @throws FeatureConfigException listing every problem when a condition is invalid
	 */
	public static List<Condition> parseSegment(String name, String json, String source) {
		Problems problems = new Problems();
		JsonNode node = tree(json, Syntax.JSON, source, Problems.child("segments", name));
		List<Condition> conditions = new NativeReader(problems).segment(name, node);
		problems.throwIfAny(source);
		return List.copyOf(conditions);
	}

	/**
	 * Writes one segment's conditions as a compact JSON list.
	 * @param conditions the conditions
	 * @return the JSON document
	 * @throws FeatureConfigException when a condition holds what would not read back the
	 * same (see {@link #write(FeatureSet, Syntax)})
	 */
	public static String writeSegment(List<Condition> conditions) {
		return Mappers.COMPACT_JSON.writeValueAsString(readable(NativeWriter.conditions(conditions)));
	}

	/**
	 * Detects the syntax of a document: JSON when its first non-blank character is
	 * <code>{</code> or <code>[</code>, YAML otherwise.
	 * @param text the document
	 * @return the syntax
	 */
	public static Syntax detectSyntax(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\uFEFF') {
				continue;
			}
			return (c == '{' || c == '[') ? Syntax.JSON : Syntax.YAML;
		}
		return Syntax.YAML;
	}

	private static boolean isLegacy(JsonNode root) {
		if (!root.isObject() || root.isEmpty()) {
			return false;
		}
		for (String top : NativeReader.TOP_FIELDS) {
			if (root.has(top)) {
				return false;
			}
		}
		for (JsonNode value : root.values()) {
			if (!value.isObject()) {
				return false;
			}
		}
		return true;
	}

	private static FeatureSet nativeDocument(JsonNode root, String source) {
		Problems problems = new Problems();
		NativeReader reader = new NativeReader(problems);
		FeatureSet set = reader.document(root);
		if (set != null && reader.segmentsReadable()) {
			problems.addAll(semanticProblems(set, reader.failedFeatures()));
		}
		problems.throwIfAny(source);
		return Objects.requireNonNull(set);
	}

	/**
	 * Returns the problems of a feature set that its structure does not show, the checks
	 * a store makes before it stores a change: operands that do not parse, unknown
	 * segments, variants and prerequisites, prerequisite cycles, out-of-range
	 * percentages, each with its path and fix (for example
	 * {@code features.new-checkout.rules[0].when[1].regex: is not a valid RE2 regular expression}).
	 * @param set the set
	 * @return the problems in document order; empty when the set is valid
	 */
	public static List<ConfigProblem> problems(FeatureSet set) {
		return SnapshotCompiler.problems(set);
	}

	/**
	 * The compiler's problems for the flags that are structurally sound, so that one read
	 * reports everything; a prerequisite on a flag left out for its own problems is not
	 * reported again.
	 */
	private static List<ConfigProblem> semanticProblems(FeatureSet set, Set<String> failed) {
		Set<String> ignoredPaths = new HashSet<>();
		set.features().forEach((key, feature) -> {
			for (int i = 0; i < feature.requires().size(); i++) {
				if (failed.contains(feature.requires().get(i).feature())) {
					ignoredPaths.add("features." + key + ".requires[" + i + "]");
				}
			}
		});
		return SnapshotCompiler.problems(set)
			.stream()
			.filter((problem) -> ignoredPaths.stream()
				.noneMatch((path) -> problem.path().equals(path) || problem.path().startsWith(path + ".")))
			.toList();
	}

	private static ParsedDocument legacy(JsonNode root, String source, LegacyOptions options) {
		Problems problems = new Problems();
		FeatureSet set = new LegacyReader(problems, options).document(root);
		problems.throwIfAny(source);
		Objects.requireNonNull(set);
		for (ConfigProblem problem : SnapshotCompiler.problems(set)) {
			ConfigProblem legacy = LegacyReader.legacyPath(problem, set.features().keySet());
			problems.add(legacy.path(), legacy.message());
		}
		problems.throwIfAny(source);
		return new ParsedDocument(set, problems.warnings());
	}

	private static JsonNode tree(String text, Syntax syntax, String source) {
		return tree(text, syntax, source, "");
	}

	/**
	 * Parses a document, held to the {@link Limits}.
	 * @param path where the document's root is, for the paths of its problems ({@code ""}
	 * for a whole document, {@code features.f} for one flag)
	 */
	private static JsonNode tree(String text, Syntax syntax, String source, String path) {
		if (text.isBlank()) {
			throw new FeatureConfigException(source,
					List.of(new ConfigProblem(DOCUMENT, "is empty; start with version: 1 and a features mapping")));
		}
		if (text.length() > Limits.MAX_DOCUMENT_CHARS) {
			throw new FeatureConfigException(source,
					List.of(new ConfigProblem(DOCUMENT,
							"is " + text.length() + " characters long; a document may have at most "
									+ Limits.MAX_DOCUMENT_CHARS
									+ ": split it, or keep the flags in a database store")));
		}
		int surrogate = DocumentBudget.loneSurrogate(text);
		if (surrogate >= 0) {
			throw new FeatureConfigException(source, List.of(new ConfigProblem(lineAndColumn(text, surrogate),
					"holds a lone surrogate (half of a UTF-16 pair), which is not Unicode; remove it")));
		}
		JsonNode root;
		try {
			root = Mappers.readTree(text, syntax);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? "line " + location.getLineNr() + ", column " + location.getColumnNr() : DOCUMENT;
			throw new FeatureConfigException(source, List
				.of(new ConfigProblem(where, "is not valid " + syntax + ": " + firstLine(ex.getOriginalMessage()))));
		}
		catch (RuntimeException ex) {
			// the YAML library's own failures on malformed input
			throw new FeatureConfigException(source,
					List.of(new ConfigProblem(DOCUMENT, "is not valid " + syntax + ": " + firstLine(ex.toString()))));
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			throw new FeatureConfigException(source,
					List.of(new ConfigProblem(DOCUMENT, "is empty; start with version: 1 and a features mapping")));
		}
		Problems problems = new Problems();
		DocumentBudget.check(root, path, problems);
		problems.throwIfAny(source);
		return root;
	}

	private static String lineAndColumn(String text, int index) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return "line " + line + ", column " + (index - lineStart + 1);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
