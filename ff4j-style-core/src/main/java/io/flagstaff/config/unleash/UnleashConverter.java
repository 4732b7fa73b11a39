package io.flagstaff.config.unleash;

import java.nio.file.Path;
import java.util.Locale;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;

/**
 * Command line: converts an Unleash export into a native Flagstaff document on standard
 * output, to review and commit it like any other flag file.
 *
 * <pre class="code">
 * java -cp flagstaff-core.jar:... io.flagstaff.config.unleash.UnleashConverter unleash.json yaml &gt; features.yml
 * </pre>
 */
public final class UnleashConverter {

	private UnleashConverter() {
	}

	/**
	 * Converts a file.
	 * @param args the Unleash export (a client features payload or delta events), then
	 * optionally {@code yaml} (the default) or {@code json}
	 */
	public static void main(String[] args) {
		if (args.length < 1 || args.length > 2) {
			System.err.println("usage: UnleashConverter <unleash-export.json> [yaml|json]");
			System.exit(2);
			return;
		}
		Syntax syntax = (args.length == 2) ? Syntax.valueOf(args[1].toUpperCase(Locale.ROOT)) : Syntax.YAML;
		try {
			System.out.print(FeatureDocuments.write(UnleashImporter.importFile(Path.of(args[0])), syntax));
		}
		catch (FeatureConfigException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

}
