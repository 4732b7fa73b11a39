package io.flagstaff.config;

import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The shared, thread-safe mappers for JSON and YAML documents.
 */
final class Mappers {

	static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	static final ObjectMapper COMPACT_JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static final ObjectMapper YAML = YAMLMapper
		.builder(YAMLFactory.builder().stringQuotingChecker(new Quoting()).build())
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
	 * Quotes every string a YAML 1.2 reader would take for a number, boolean or null
	 * (such as {@code 1e3} or {@code .inf}), on top of Jackson's own rules, so written
	 * strings read back as strings.
	 */
	static final class Quoting extends StringQuotingChecker.Default {

		private static final long serialVersionUID = 1L;

		private static final Pattern NOT_A_STRING = Pattern
			.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
					+ "|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE"
					+ "|false|False|FALSE");

		@Override
		public boolean needToQuoteValue(String value) {
			return super.needToQuoteValue(value) || NOT_A_STRING.matcher(value).matches();
		}

	}

}
