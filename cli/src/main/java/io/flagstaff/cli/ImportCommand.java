package io.flagstaff.cli;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.WritableFeatureStore;

/**
 * {@code flagstaff import}: writes the flags and segments of a document into a store
 * through the store's validated write path, audited as {@value FlagstaffCli#ACTOR}. What
 * the store holds already unchanged is left alone; what it holds differently is
 * overwritten only with {@code --force} (otherwise nothing is written); flags of the
 * store that the document does not name are kept.
 */
final class ImportCommand implements Command {

	static final Option TO = Option.valued("--to", "STORE",
			"the store to write: a .yml/.yaml/.json file, a JDBC URL or a Redis URI (required)");

	static final Option FORCE = Option.switchOption("--force",
			"overwrite the flags and segments the store holds differently");

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String summary() {
		return "write the flags and segments of a document into a store (file, JDBC, Redis)";
	}

	@Override
	public String operands() {
		return "FILE|-";
	}

	@Override
	public String description() {
		return """
				Reads FILE (or standard input for -; native YAML/JSON or legacy features_config.json),
				validates it as the evaluator would and writes each segment and flag into the store named
				by --to through the store's normal write path, audited as 'cli'. Segments are written first,
				then flags, each after its prerequisites. A flag or segment the store already holds the
				same is left alone. One the store holds differently is a conflict: without --force the
				conflicts are listed and nothing is written (exit 1); with --force they are overwritten.
				Flags of the store that the document does not name are kept. A JDBC store creates its
				tables when missing, a file store its file. STORE is as for export.""";
	}

	@Override
	public List<Option> options() {
		List<Option> options = new ArrayList<>();
		options.add(TO);
		options.addAll(Stores.options());
		options.add(FORCE);
		return options;
	}

	@Override
	public int run(Arguments arguments, CliContext context) {
		String to = arguments.value(TO.name());
		if (to == null) {
			throw new UsageException("missing --to STORE, the store to import into");
		}
		Stores.check(to, arguments);
		Documents.Input input = Documents.read(arguments.single("document to import"), context);
		FeatureSet document = FeatureDocuments.parse(input.text(), input.source());
		Documents.validate(document);
		String target = Stores.describe(to);
		try (WritableFeatureStore store = Stores.open(to, arguments, context)) {
			ImportPlan plan = ImportPlan.of(document, store);
			List<String> conflicts = plan.conflicts();
			if (!conflicts.isEmpty() && !arguments.has(FORCE.name())) {
				context.err()
					.println(target + " holds " + conflicts.size() + " of the document's segments and flags "
							+ "differently; nothing was written. Pass --force to overwrite:");
				conflicts.forEach((conflict) -> context.err().println("  " + conflict));
				return FlagstaffCli.REFUSED;
			}
			ImportPlan.Result result;
			try {
				result = plan.apply(store, FlagstaffCli.ACTOR);
			}
			catch (ImportPlan.PartialImportException ex) {
				context.err()
					.println("import into " + target + " stopped after " + ex.result().written() + " writes ("
							+ ex.result() + ")");
				throw ex.failure();
			}
			context.out()
				.println("imported " + input.source() + " into " + target + " as '" + FlagstaffCli.ACTOR + "': "
						+ result);
			return FlagstaffCli.SUCCESS;
		}
		catch (FeatureStoreException ex) {
			throw Stores.failure(to, ex);
		}
	}

}
