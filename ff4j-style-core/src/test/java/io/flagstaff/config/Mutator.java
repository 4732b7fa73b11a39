package io.flagstaff.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns valid documents into hostile ones, deterministically from a seed: a few random
 * edits among replacing, inserting, deleting, duplicating and repeating spans, splicing
 * tokens from a dictionary (huge numbers, extreme dates, YAML aliases and tags, lone
 * surrogates, nested repetitions...), and splicing other documents. The same seed gives
 * the same document, so a failure is reproduced from the seed the test reports.
 * Thread-safe.
 */
public final class Mutator {

	/** Tokens that broke, or could break, a reader: used in every dictionary. */
	public static final List<String> HOSTILE = List.of("1e999999999", "-1e999999999", "1e-999999999", "1e300", "1e-400",
			"10000000000", "9999999999999999d", "0e-999999999", ".nan", ".inf", "-.inf", "NaN", "Infinity",
			"'+999999999-12-31T23:59:59Z'", "+999999999-12-31T23:59:59", "-999999999-01-01T00:00:00Z", "0000-00-00",
			"*team", "&team", "<<: *team", "!!binary AAAA", "!!java.lang.Object {}", "!foo", "%YAML 1.1", "---", "...",
			"((((a{100}){100}){100}){100})", "(a{100}){100}", "a{1000}", "(?i)", "\\", "\\u0000", "\\ud800", "\uD800",
			"\uDC00", "\u0085", "\u2028", "\uFEFF", "\u0000", "\t", "\r\n", "\"", "'", "#", ":", "- ", "? ", "[", "]",
			"{", "}", ",", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
			"{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:{a:", "null", "~", "true", "yes",
			"\"\"", "''", "-1", "0", "2147483648", "9223372036854775808", "1.000000000000000000000000001", "0x1F",
			"0o17", "1_000", "-0", "100.001", "12.345");

	/** Native format field names and values. */
	public static final List<String> NATIVE = List.of("version: 1", "features:", "segments:", "rollout: ", "rules:",
			"when:", "serve: on", "serve: off", "variant: ", "variants:", "weight: ", "value: ", "overrides:",
			"requires: [", "feature: ", "environment: ", "enabled: false", "allow: [", "deny: [", "environments: [",
			"schedule: { from: ", "until: ", "bucketing: { scheme: unleash, by: ", "scheme: legacy-sha256",
			"scheme: legacy-md5", "salt: ", "fallback: [random]", "health: { maxErrors: ", "window: ",
			"latencyBaseline: ", "maxSlowCalls: ", "maxFailureRate: ", "minCalls: ", "maxTrafficDrop: ",
			"scope: variant", "track: true", "metadata: { ", "killed: { by: x, reason: y, at: ", "expires: ",
			"type: experiment", "owner: ", "description: ", "{ segment: ", "{ attribute: ", "regex: ", "semverGte: ",
			"inCidr: [", "before: ", "after: ", "exists: true", "isTrue: true", "not: true", "equalsIgnoreCase: ",
			"containsIgnoreCase: [", "gte: ", "lt: ", "eq: ", "currentTime", "userId", "sessionId", "*",
			"fallthrough: true", "variantBucketing: { by: sessionId }", "name: ");

	/** Legacy format keys and values. */
	public static final List<String> LEGACY = List.of("\"active\": ", "\"regions\": ", "\"percentage_rollout\": ",
			"\"users\": ", "\"account_types\": ", "\"beta_program\": ", "\"activation_date\": ",
			"\"error_threshold\": ", "\"environments\": ", "\"performance_baseline\": ", "\"performance_threshold\": ",
			"\"depends_on\": ", "\"metadata\": ", "[]", "[null]", "[1, \"2\", true, {}]", "{}",
			"\"2022-12-25T00:00:00\"", "\"2022-12-25\"", "\"2022-12-25 10:00:00+05:00\"", "\"description\"",
			"\"owner\"", "true", "false", "1", "0.5");

	private Mutator() {
	}

	/**
	 * Returns a mutated document.
	 * @param seeds valid documents to start from and splice
	 * @param dictionary the format's tokens, used with {@link #HOSTILE}
	 * @param seed the random seed
	 * @return the document
	 */
	public static String mutate(List<String> seeds, List<String> dictionary, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		if (random.nextBoolean()) {
			return mutateTree(seeds.get(random.nextInt(seeds.size())), dictionary, random);
		}
		StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
		int edits = (random.nextInt(4) == 0) ? 1 + random.nextInt(8) : 1 + random.nextInt(2);
		for (int i = 0; i < edits; i++) {
			edit(text, seeds, dictionary, random);
		}
		return text.toString();
	}

	/**
	 * Edits a document as a tree, so it stays well-formed and reaches the checks past the
	 * parser: values replaced by hostile ones (numbers of any size, long or broken
	 * strings, deep nesting, wrong types), entries removed, fields added or renamed.
	 */
	private static String mutateTree(String document, List<String> dictionary, SplittableRandom random) {
		boolean json = FeatureDocuments.detectSyntax(document) == Syntax.JSON;
		ObjectMapper mapper = json ? JSON : YAML;
		JsonNode root = mapper.readTree(document);
		List<JsonNode> containers = new ArrayList<>();
		collect(root, containers);
		int edits = 1 + random.nextInt(3);
		for (int i = 0; i < edits; i++) {
			JsonNode container = containers.get(random.nextInt(containers.size()));
			if (container instanceof ObjectNode object) {
				List<String> names = new ArrayList<>(object.propertyNames());
				String name = (names.isEmpty() || random.nextInt(4) == 0) ? fieldName(dictionary, random)
						: names.get(random.nextInt(names.size()));
				switch (random.nextInt(4)) {
					case 0 -> object.remove(name);
					case 1 -> {
						JsonNode value = object.remove(name);
						object.set(fieldName(dictionary, random), (value != null) ? value : hostile(random));
					}
					default -> object.set(name, hostile(random));
				}
			}
			else if (container instanceof ArrayNode array) {
				int index = array.isEmpty() ? 0 : random.nextInt(array.size());
				switch (random.nextInt(3)) {
					case 0 -> {
						if (!array.isEmpty()) {
							array.remove(index);
						}
					}
					case 1 -> array.insert(index, hostile(random));
					default -> {
						if (!array.isEmpty()) {
							array.set(index, hostile(random));
						}
					}
				}
			}
		}
		return mapper.writeValueAsString(root);
	}

	private static void collect(JsonNode node, List<JsonNode> containers) {
		if (node.isContainer()) {
			containers.add(node);
			node.values().forEach((child) -> collect(child, containers));
		}
	}

	private static String fieldName(List<String> dictionary, SplittableRandom random) {
		String token = dictionary.get(random.nextInt(dictionary.size()));
		String name = token.replaceAll("[\"{}\\[\\]:,]", "").trim();
		return name.isEmpty() ? "x" : name;
	}

	private static JsonNode hostile(SplittableRandom random) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return switch (random.nextInt(9)) {
			case 0 -> {
				try {
					yield nodes.numberNode(new BigDecimal(number(random)));
				}
				catch (NumberFormatException ex) {
					yield nodes.numberNode(random.nextLong());
				}
			}
			case 1 -> nodes.stringNode(HOSTILE.get(random.nextInt(HOSTILE.size())));
			case 2 -> nodes.stringNode("x".repeat(random.nextInt(random.nextBoolean() ? 200 : 200_000)));
			case 3 -> nodes.booleanNode(random.nextBoolean());
			case 4 -> nodes.nullNode();
			case 5 -> {
				ArrayNode deep = nodes.arrayNode();
				ArrayNode inner = deep;
				for (int i = random.nextInt(80); i > 0; i--) {
					inner = inner.addArray();
				}
				yield deep;
			}
			case 6 -> {
				ArrayNode many = nodes.arrayNode();
				for (int i = random.nextInt(3000); i > 0; i--) {
					many.add("v" + i);
				}
				yield many;
			}
			case 7 -> nodes.objectNode().put("attribute", "region").put("in", "DE");
			default -> nodes.numberNode(random.nextInt(-5, 105));
		};
	}

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static void edit(StringBuilder text, List<String> seeds, List<String> dictionary, SplittableRandom random) {
		int length = text.length();
		int at = (length == 0) ? 0 : random.nextInt(length + 1);
		int end = Math.min(length, at + random.nextInt(1 + Math.min(40, length)));
		switch (random.nextInt(10)) {
			case 0, 1 -> text.replace(at, end, token(dictionary, random));
			case 2, 3 -> text.insert(at, token(dictionary, random));
			case 4 -> text.delete(at, end);
			case 5 -> text.insert(at, text.substring(at, end));
			case 6 -> {
				// grow: repeat a span (a line, a list element) up to thousands of times
				String span = text.substring(at, end);
				int times = 1 + random.nextInt((random.nextInt(4) == 0) ? 5000 : 50);
				if ((long) span.length() * times < 2_000_000) {
					text.insert(at, span.repeat(times));
				}
			}
			case 7 -> {
				String other = seeds.get(random.nextInt(seeds.size()));
				int from = random.nextInt(other.length() + 1);
				text.insert(at, other, from, Math.min(other.length(), from + random.nextInt(200)));
			}
			case 8 -> {
				if (length > 0 && at < length) {
					text.setCharAt(at, (char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
				}
			}
			default -> text.replace(at, end, number(random));
		}
	}

	private static String token(List<String> dictionary, SplittableRandom random) {
		List<String> source = random.nextBoolean() ? dictionary : HOSTILE;
		return source.get(random.nextInt(source.size()));
	}

	private static String number(SplittableRandom random) {
		return switch (random.nextInt(5)) {
			case 0 -> Long.toString(random.nextLong());
			case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
			case 2 -> "1e" + random.nextInt(-2_000_000_000, 2_000_000_000);
			case 3 -> Integer.toString(random.nextInt(-5, 105));
			default -> random.nextInt(10) + "." + random.nextInt(1000);
		};
	}

}
