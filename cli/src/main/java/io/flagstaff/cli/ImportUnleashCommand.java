package io.flagstaff.cli;

import java.util.List;

import io.flagstaff.cli.unleash.UnleashImporter;
import io.flagstaff.model.FeatureSet;

/**
 * {@code flagstaff import-unleash}: converts an Unleash client features export (the
 * payload of {@code /api/client/features}, or delta events) into a native document,
 * bucketed with the {@code unleash} scheme so every user keeps their rollout bucket and
 * variant.
 */
final class ImportUnleashCommand implements Command {

	@Override
	public String name() {
		return "import-unleash";
	}

	@Override
	public String summary() {
		return "convert an Unleash client features export into a native document";
	}

	@Override
	public String operands() {
		return "FILE|-";
	}

	@Override
	public String description() {
		return """
				Reads an Unleash client features payload ({version, features, segments}, as served by
				/api/client/features, or delta events {events}) from FILE (or standard input for -) and
				writes the native document that evaluates like Unleash does: strategies become rules,
				flags are bucketed with the 'unleash' scheme, what Unleash can never turn on is imported
				as never on and explained in the flag's importNotes metadata. A payload holds one
				environment (its token's): import one export per environment. To load the result into a
				store, pipe it to 'flagstaff import --to STORE -'.""";
	}

	@Override
	public List<Option> options() {
		return Documents.outputOptions();
	}

	@Override
	public int run(Arguments arguments, CliContext context) {
		Documents.checkOutput(arguments);
		Documents.Input input = Documents.read(arguments.single("Unleash export"), context);
		FeatureSet features = UnleashImporter.importPayload(input.text(), input.source());
		Documents.validate(features);
		Documents.write(features, arguments, context);
		return FlagstaffCli.SUCCESS;
	}

}
