package io.flagstaff.cli;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.model.FeatureSet;

/**
 * {@code flagstaff export}: reads everything a store holds and writes it as a native
 * document, changing nothing in the store.
 */
final class ExportCommand implements Command {

	static final Option FROM = Option.valued("--from", "STORE",
			"the store to read: a .yml/.yaml/.json file, a JDBC URL or a Redis URI (required)");

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String summary() {
		return "write the flags and segments of a store (file, JDBC, Redis) as a native document";
	}

	@Override
	public String operands() {
		return "";
	}

	@Override
	public String description() {
		return """
				Reads every flag and segment of the store named by --from and writes them as one native
				document, to standard output or to --output (never overwritten without --force). The store
				is not changed: a JDBC store's tables are not created when missing. STORE is a features
				file (.yml, .yaml, .json; native or legacy), a JDBC URL (jdbc:postgresql://host:5432/db,
				jdbc:mariadb://host:3306/db, jdbc:h2:file:./flags) or a Redis URI (redis://host:6379/0).
				To copy a store into another: flagstaff export --from A | flagstaff import --to B -""";
	}

	@Override
	public List<Option> options() {
		List<Option> options = new ArrayList<>();
		options.add(FROM);
		options.addAll(Stores.options());
		options.addAll(Documents.outputOptions());
		return options;
	}

	@Override
	public int run(Arguments arguments, CliContext context) {
		arguments.noOperands();
		String from = arguments.value(FROM.name());
		if (from == null) {
			throw new UsageException("missing --from STORE, the store to export");
		}
		Documents.checkOutput(arguments);
		FeatureSet features = Stores.read(from, arguments, context);
		Documents.write(features, arguments, context);
		return FlagstaffCli.SUCCESS;
	}

}
