package io.flagstaff.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.Limits;
import io.flagstaff.model.Condition;
import io.flagstaff.model.Operator;
import org.jspecify.annotations.Nullable;

/**
 * Compiles conditions and segments, parsing every operand once and recording each problem
 * with its path. Not thread-safe: one per compilation.
 */
final class ConditionCompiler {

	/** The attribute name that designates the whole context, for {@code exists} only. */
	static final String ANY = "*";

	/**
	 * The attribute name that designates the evaluation time, for
	 * {@code before}/{@code after}.
	 */
	static final String CURRENT_TIME = "currentTime";

	private final Map<String, List<Condition>> segments;

	private final List<ConfigProblem> problems;

	private final Map<String, CompiledCondition[]> compiledSegments = new LinkedHashMap<>();

	private final Set<String> inProgress = new HashSet<>();

	private final Set<String> broken = new HashSet<>();

	private final Map<String, Integer> heights = new HashMap<>();

	/** The height of the deepest segment referred to by the segment being compiled. */
	private int deepest;

	private boolean tooDeepReported;

	ConditionCompiler(Map<String, List<Condition>> segments, List<ConfigProblem> problems) {
		this.segments = segments;
		this.problems = problems;
	}

	/**
	 * Compiles every segment, so problems in unused segments are reported too.
	 */
	void compileAllSegments() {
		this.segments.keySet().forEach(this::segment);
	}

	/**
	 * Compiles a list of conditions.
	 * @param conditions the conditions
	 * @param path the list's path, for example {@code features.x.rules[0].when}
	 * @return the compiled conditions, or {@code null} when any is invalid
	 */
	CompiledCondition @Nullable [] compile(List<Condition> conditions, String path) {
		List<CompiledCondition> compiled = new ArrayList<>();
		boolean valid = true;
		for (int i = 0; i < conditions.size(); i++) {
			CompiledCondition condition = compile(conditions.get(i), path + "[" + i + "]");
			valid &= condition != null;
			compiled.add(condition);
		}
		return valid ? compiled.toArray(new CompiledCondition[0]) : null;
	}

	private @Nullable CompiledCondition compile(Condition condition, String path) {
		if (condition instanceof Condition.Segment segment) {
			return segmentReference(segment, path);
		}
		return attribute((Condition.Attribute) condition, path);
	}

	private @Nullable CompiledCondition segmentReference(Condition.Segment reference, String path) {
		String name = reference.segment();
		if (!this.segments.containsKey(name)) {
			problem(path + ".segment",
					"unknown segment '" + name + "'; define it under 'segments' or fix the name"
							+ ((this.problems.size() < Limits.MAX_PROBLEMS)
									? DidYouMean.hint(name, this.segments.keySet()) : ""));
			return null;
		}
		if (this.inProgress.contains(name)) {
			problem(path + ".segment", "segment '" + name + "' refers to itself through " + this.inProgress
					+ "; remove one of these segment references");
			return null;
		}
		CompiledCondition[] conditions = (this.inProgress.size() < Limits.MAX_SEGMENT_DEPTH) ? segment(name) : null;
		Integer height = this.heights.get(name);
		if (conditions == null || height == null || height > Limits.MAX_SEGMENT_DEPTH) {
			if ((height == null || height > Limits.MAX_SEGMENT_DEPTH) && !this.broken.contains(name)
					&& !this.tooDeepReported) {
				this.tooDeepReported = true;
				problem(path + ".segment", "segments refer to segments more than " + Limits.MAX_SEGMENT_DEPTH
						+ " deep from here; flatten the chain (copy the conditions of a few segments into one)");
			}
			return null;
		}
		this.deepest = Math.max(this.deepest, height);
		return new Conditions.SegmentMatch(conditions, reference.negate());
	}

	/**
	 * Compiles a segment once, recording its height: 1 plus the height of the deepest
	 * segment it refers to.
	 */
	private CompiledCondition @Nullable [] segment(String name) {
		CompiledCondition[] compiled = this.compiledSegments.get(name);
		if (compiled != null || this.broken.contains(name)) {
			return compiled;
		}
		int outer = this.deepest;
		this.deepest = 0;
		this.inProgress.add(name);
		List<Condition> conditions = this.segments.get(name);
		compiled = (conditions != null) ? compile(conditions, "segments." + name) : null;
		this.inProgress.remove(name);
		this.heights.put(name, this.deepest + 1);
		this.deepest = outer;
		if (compiled == null) {
			this.broken.add(name);
		}
		else {
			this.compiledSegments.put(name, compiled);
		}
		return compiled;
	}

	private @Nullable CompiledCondition attribute(Condition.Attribute condition, String path) {
		Operator operator = condition.operator();
		String operatorPath = path + "." + operator.configName() + (condition.ignoreCase() ? "IgnoreCase" : "");
		String name = condition.attribute();
		List<String> values = condition.values();
		boolean negate = condition.negate();
		if (name.isBlank()) {
			return problem(path + ".attribute", "must name a context attribute, was blank");
		}
		if (condition.ignoreCase() && !operator.supportsIgnoreCase()) {
			return problem(operatorPath, "'" + operator.configName()
					+ "' has no ignore-case form; only equals, in, notIn, contains, startsWith and endsWith do");
		}
		if (name.equals(ANY) && operator != Operator.EXISTS) {
			return problem(path + ".attribute",
					"'*' (the whole context) only works with 'exists'; name an attribute to use '"
							+ operator.configName() + "'");
		}
		if (name.equals(CURRENT_TIME) && operator != Operator.BEFORE && operator != Operator.AFTER) {
			return problem(path + ".attribute",
					"'currentTime' only works with 'before' and 'after', not '" + operator.configName() + "'");
		}
		AttributeRef attribute = new AttributeRef(name);
		return switch (operator) {
			case EQUALS, REGEX, NUM_EQ, LT, LTE, GT, GTE, SEMVER_EQ, SEMVER_LT, SEMVER_LTE, SEMVER_GT, SEMVER_GTE,
					BEFORE, AFTER, EXISTS ->
				(values.size() != 1) ? problem(operatorPath, "takes exactly one value, was " + values.size())
						: single(attribute, operator, values.get(0), condition, operatorPath);
			case IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH ->
				values.isEmpty() ? problem(operatorPath, "takes at least one value, was none")
						: new Conditions.StringMatch(attribute, operator, values, condition.ignoreCase(), negate);
			case IN_CIDR -> cidr(attribute, values, negate, operatorPath);
			case IS_TRUE, IS_FALSE ->
				values.isEmpty() ? new Conditions.BooleanMatch(attribute, operator == Operator.IS_TRUE, negate)
						: problem(operatorPath, "takes no value, was " + values);
		};
	}

	private @Nullable CompiledCondition single(AttributeRef attribute, Operator operator, String value,
			Condition.Attribute condition, String path) {
		boolean negate = condition.negate();
		switch (operator) {
			case EQUALS:
				return new Conditions.StringMatch(attribute, operator, List.of(value), condition.ignoreCase(), negate);
			case REGEX:
				String budget = Limits.regexProblem(value);
				if (budget != null) {
					return problem(path, budget);
				}
				try {
					return new Conditions.RegexMatch(attribute, Pattern.compile(value), negate);
				}
				catch (PatternSyntaxException ex) {
					return problem(path, "is not a valid RE2 regular expression (" + ex.getMessage()
							+ "); RE2 has no backreferences or lookaround");
				}
			case NUM_EQ, LT, LTE, GT, GTE:
				double number = Conditions.NumberCompare.parseNumber(value);
				return Double.isNaN(number) ? problem(path, "must be a number, was '" + value + "'")
						: new Conditions.NumberCompare(attribute, operator, number, negate);
			case SEMVER_EQ, SEMVER_LT, SEMVER_LTE, SEMVER_GT, SEMVER_GTE:
				Semver semver = Semver.parse(value);
				return (semver != null) ? new Conditions.SemverCompare(attribute, operator, semver, negate)
						: problem(path, "must be a semantic version such as 4.2.0 or 4.2.0-rc.1, was '" + value + "'");
			case BEFORE, AFTER:
				Instant instant = DateTimes.parse(value);
				String instantProblem = Limits.instantProblem(instant);
				if (instantProblem != null) {
					return problem(path, instantProblem);
				}
				return (instant != null)
						? new Conditions.TimeCompare(attribute.name().equals(CURRENT_TIME) ? null : attribute,
								operator == Operator.BEFORE, instant, negate)
						: problem(path, "must be an ISO-8601 date-time such as 2026-12-01T08:00:00Z (or a date "
								+ "such as 2026-12-01), was '" + value + "'");
			case EXISTS:
				if (!value.equals("true") && !value.equals("false")) {
					return problem(path, "must be true or false, was '" + value + "'");
				}
				return new Conditions.Exists(attribute.name().equals(ANY) ? null : attribute, value.equals("true"),
						negate);
			default:
				throw new IllegalStateException("not a single-valued operator: " + operator);
		}
	}

	private @Nullable CompiledCondition cidr(AttributeRef attribute, List<String> values, boolean negate, String path) {
		if (values.isEmpty()) {
			return problem(path, "takes at least one CIDR block, was none");
		}
		List<IpAddresses.Cidr> blocks = new ArrayList<>();
		boolean valid = true;
		for (int i = 0; i < values.size(); i++) {
			IpAddresses.Cidr block = IpAddresses.Cidr.parse(values.get(i));
			if (block == null) {
				problem(path + "[" + i + "]",
						"must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32, was '" + values.get(i) + "'");
				valid = false;
			}
			else {
				blocks.add(block);
			}
		}
		return valid ? new Conditions.CidrMatch(attribute, blocks, negate) : null;
	}

	private @Nullable CompiledCondition problem(String path, String message) {
		this.problems.add(new ConfigProblem(path, message));
		return null;
	}

}
