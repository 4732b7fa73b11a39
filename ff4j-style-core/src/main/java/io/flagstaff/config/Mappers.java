package io.flagstaff.config;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The shared, thread-safe mappers for JSON and YAML documents, held to the {@link Limits}
 * by Jackson's stream constraints (a breach is a parse error with its line); YAML aliases
 * are refused while reading.
 */
final class Mappers {

	/**
	 * Jackson's own limits, set to the document budgets (strings and numbers are checked
	 * with their path afterwards, so Jackson only stops what is far over them).
	 */
	static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxDocumentLength(Limits.MAX_DOCUMENT_CHARS)
		.maxNestingDepth(Limits.MAX_NESTING_DEPTH)
		.maxNumberLength(Limits.MAX_NUMBER_DIGITS + 10)
		.maxStringLength(Limits.MAX_DOCUMENT_CHARS)
		.maxNameLength(Limits.MAX_DOCUMENT_CHARS)
		.build();

	static final ObjectMapper JSON = JsonMapper
		.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	static final ObjectMapper COMPACT_JSON = JsonMapper
		.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static final ObjectMapper YAML = YAMLMapper
		.builder(YAMLFactory.builder()
			.stringQuotingChecker(new Quoting())
			.streamReadConstraints(CONSTRAINTS)
			// a larger read buffer than the 1 KB default, which makes long scalars cost
			// quadratic time
			.loadSettings(LoadSettings.builder()
				.setCodePointLimit(Limits.MAX_DOCUMENT_CHARS + 1)
				.setBufferSize(64 * 1024)
				.build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.build();

	private Mappers() {
	}

	static ObjectMapper of(Syntax syntax) {
		return (syntax == Syntax.JSON) ? JSON : YAML;
	}

	/**
	 * Reads a document's tree; a YAML alias ({@code *name}) is a parse error, since the
	 * YAML reader would give the alias's name instead of the anchored value.
	 * @return the root, or {@code null} for a document without content
	 */
	static @Nullable JsonNode readTree(String text, Syntax syntax) {
		if (syntax == Syntax.JSON) {
			return JSON.readTree(text);
		}
		try (JsonParser parser = new NoAliases(YAML.createParser(text))) {
			return YAML.readTree(parser);
		}
	}

	/**
	 * A YAML parser that stops at the first alias.
	 */
	private static final class NoAliases extends JsonParserDelegate {

		NoAliases(JsonParser parser) {
			super(parser);
		}

		@Override
		public @Nullable JsonToken nextToken() {
			JsonToken token = super.nextToken();
			check();
			return token;
		}

		@Override
		public @Nullable String nextName() {
			String name = super.nextName();
			check();
			return name;
		}

		private void check() {
			if (delegate() instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
				throw new StreamReadException(this, "the alias *" + yaml.getString()
						+ " is not supported (YAML anchors and aliases are not read); write the value itself");
			}
		}

	}

	/**
	 * Quotes every string a YAML 1.2 reader would take for a number, boolean or null
	 * (such as {@code 1e3} or {@code .inf}) or whose line-break-like characters it would
	 * drop, on top of Jackson's own rules, so written strings read back the same.
	 */
	static final class Quoting extends StringQuotingChecker.Default {

		private static final long serialVersionUID = 1L;

		private static final Pattern NOT_A_STRING = Pattern
			.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
					+ "|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE"
					+ "|false|False|FALSE");

		@Override
		public boolean needToQuoteValue(String value) {
			return super.needToQuoteValue(value) || NOT_A_STRING.matcher(value).matches() || hasLineBreak(value);
		}

		@Override
		public boolean needToQuoteName(String name) {
			return super.needToQuoteName(name) || hasLineBreak(name);
		}

		/**
		 * Whether a string holds a character a YAML reader may take for a line break when
		 * it is not escaped (next line, line and paragraph separators).
		 */
		private static boolean hasLineBreak(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
					return true;
				}
			}
			return false;
		}

	}

}
