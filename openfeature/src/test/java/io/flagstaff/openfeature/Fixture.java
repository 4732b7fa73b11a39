package io.flagstaff.openfeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.openfeature.conformance.OutageStore;

/**
 * A Flagstaff over the flags of {@code flags.yml} in a store that can go down, and a
 * provider over it.
 */
final class Fixture implements AutoCloseable {

	final OutageStore store;

	final Flagstaff flagstaff;

	final FlagstaffProvider provider;

	private Fixture(UnaryOperator<Flagstaff.Builder> flagstaff, UnaryOperator<FlagstaffProvider.Builder> provider) {
		this.store = new OutageStore(flags());
		this.flagstaff = flagstaff.apply(Flagstaff.builder(this.store)).build();
		this.provider = provider.apply(FlagstaffProvider.builder(this.flagstaff)).build();
	}

	static Fixture create() {
		return new Fixture(UnaryOperator.identity(), UnaryOperator.identity());
	}

	static Fixture create(UnaryOperator<Flagstaff.Builder> flagstaff,
			UnaryOperator<FlagstaffProvider.Builder> provider) {
		return new Fixture(flagstaff, provider);
	}

	static FeatureSet flags() {
		try (InputStream in = Fixture.class.getResourceAsStream("flags.yml")) {
			return FeatureDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "flags.yml");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static EvaluationContext user(String id, String... attributes) {
		java.util.Map<String, Value> values = new java.util.HashMap<>();
		for (int i = 0; i < attributes.length; i += 2) {
			values.put(attributes[i], new Value(attributes[i + 1]));
		}
		return new ImmutableContext(id, values);
	}

	@Override
	public void close() {
		this.provider.shutdown();
		this.flagstaff.close();
	}

}
