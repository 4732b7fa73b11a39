package io.flagstaff.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.LegacyOptions;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code flagstaff convert}: reads a document in any format Flagstaff reads (native YAML
 * or JSON, legacy {@code features_config.json}), validates it and writes it as a native
 * document in the chosen syntax.
 */
final class ConvertCommand implements Command {

	private static final Option LEGACY_ZONE = Option.valued("--legacy-zone", "ZONE",
			"time zone of a legacy document's activation_date, for example Europe/Bucharest (default UTC)");

	@Override
	public String name() {
		return "convert";
	}

	@Override
	public String summary() {
		return "convert a features document: native YAML <-> JSON, legacy features_config.json -> native";
	}

	@Override
	public String operands() {
		return "FILE|-";
	}

	@Override
	public String description() {
		return """
				Reads FILE (or standard input for -): a native document in YAML or JSON, or a legacy
				features_config.json, detected from its content. Validates it as the evaluator would and
				writes it as a native document (version: 1) in YAML or JSON, to standard output or to
				--output, which is never overwritten without --force. Comments are not carried over.""";
	}

	@Override
	public List<Option> options() {
		List<Option> options = new ArrayList<>(Documents.outputOptions());
		options.add(LEGACY_ZONE);
		return options;
	}

	@Override
	public int run(Arguments arguments, CliContext context) {
		LegacyOptions legacy = legacyOptions(arguments.value(LEGACY_ZONE.name()));
		Documents.checkOutput(arguments);
		Documents.Input input = Documents.read(arguments.single("document to convert"), context);
		FeatureSet features = FeatureDocuments.parse(input.text(), input.source(), legacy);
		Documents.validate(features);
		Documents.write(features, arguments, context);
		return FlagstaffCli.SUCCESS;
	}

	private static LegacyOptions legacyOptions(@Nullable String zone) {
		if (zone == null) {
			return LegacyOptions.DEFAULTS;
		}
		try {
			return LegacyOptions.DEFAULTS.withZone(ZoneId.of(zone));
		}
		catch (DateTimeException ex) {
			throw new UsageException(
					"--legacy-zone must be a time zone such as UTC or Europe/Bucharest, but was '" + zone + "'");
		}
	}

}
