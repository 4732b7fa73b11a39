package io.flagstaff.sample.plain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.store.ResourceFeatureStore;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@code features.yml} from the classpath, evaluates each flag for a few users in
 * production and prints the answer, variant, value and reason of each evaluation. Run it
 * with {@code ./mvnw -pl sample-app -am compile exec:java}.
 */
public final class PlainJavaDemo {

	/** The demo document. */
	public static final String DOCUMENT = "classpath:io/flagstaff/sample/plain/features.yml";

	private PlainJavaDemo() {
	}

	/**
	 * Runs the demo.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		run(System.out);
	}

	/**
	 * Evaluates every flag of the demo document for the demo users and prints one line
	 * per evaluation.
	 * @param out where to print
	 * @return the evaluations, in printing order
	 */
	public static List<Evaluation> run(PrintStream out) {
		List<FeatureContext> users = List.of(user("alice", "US", "basic", null), user("bob", "DE", "premium", null),
				user("carol", "RO", "enterprise", null), user("dave", "FR", "basic", "dave@acme.io"),
				user("mallory", "DE", "premium", null), FeatureContext.empty());
		try (Flagstaff flagstaff = Flagstaff.builder(ResourceFeatureStore.of(DOCUMENT))
			.environment("production")
			.build()) {
			out.println("Flagstaff demo: " + DOCUMENT + " (snapshot " + flagstaff.snapshot().version() + ", "
					+ "environment production)");
			out.printf("%-16s %-8s %-8s %-8s %-10s %-13s %s%n", "flag", "user", "region", "enabled", "variant",
					"reason", "rule / value");
			List<Evaluation> evaluations = new ArrayList<>();
			for (String key : flagstaff.snapshot().featureKeys()) {
				for (FeatureContext user : users) {
					Evaluation evaluation = flagstaff.evaluate(key, user);
					evaluations.add(evaluation);
					out.printf("%-16s %-8s %-8s %-8s %-10s %-13s %s%n", key, orDash(user.userId()),
							orDash(user.attribute("region")), evaluation.enabled(), orDash(evaluation.variant()),
							evaluation.reason(), detail(evaluation));
				}
			}
			return evaluations;
		}
	}

	private static FeatureContext user(String id, String region, String accountType, @Nullable String email) {
		FeatureContext.Builder builder = FeatureContext.builder()
			.userId(id)
			.attribute("region", region)
			.attribute("accountType", accountType);
		if (email != null) {
			builder.attribute("email", email);
		}
		return builder.build();
	}

	private static String detail(Evaluation evaluation) {
		String rule = (evaluation.rule() != null) ? evaluation.rule() : "";
		String value = (evaluation.value() != null) ? String.valueOf(evaluation.value().asObject()) : "";
		return (rule + " " + value).trim();
	}

	private static String orDash(@Nullable String text) {
		return (text != null) ? text : "-";
	}

}
