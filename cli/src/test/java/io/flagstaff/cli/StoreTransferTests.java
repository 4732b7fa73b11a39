package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.WritableFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flagstaff export} and {@code flagstaff import} between a file, the shared
 * PostgreSQL and the shared Redis, each test under its own prefix.
 */
class StoreTransferTests {

	private static final FeatureSet DOCUMENT = FeatureDocuments.parse(ConvertCommandTests.NATIVE, "native");

	private static final String CHANGED = ConvertCommandTests.NATIVE.replace("rollout: 10", "rollout: 20");

	@TempDir
	Path dir;

	@Test
	void aFileStoreTakesADocumentAndGivesItBack() throws IOException {
		Path document = write("document.yml", ConvertCommandTests.NATIVE);
		Path store = this.dir.resolve("store.json");
		CliRun imported = CliRun.of("import", "--to", store.toString(), document.toString());
		assertThat(imported.exitCode()).as(imported.err()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(imported.out()).isEqualTo("imported " + document + " into " + store + " as 'cli': 2 flags "
				+ "created, 0 updated, 0 unchanged; 1 segment added, 0 replaced, 0 unchanged\n");
		assertThat(FeatureDocuments.parse(Files.readString(store), "store")).isEqualTo(DOCUMENT);
		CliRun exported = CliRun.of("export", "--from", store.toString());
		assertThat(exported.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(FeatureDocuments.parse(exported.out(), "export")).isEqualTo(DOCUMENT);
		CliRun again = CliRun.of("import", "--to", store.toString(), document.toString());
		assertThat(again.out())
			.endsWith(": 0 flags created, 0 updated, 2 unchanged; 0 segments added, 0 replaced, " + "1 unchanged\n");
	}

	@ParameterizedTest
	@EnumSource
	void aDocumentGoesIntoAStoreAuditedAsCliAndComesBackOut(TestStores kind) throws Exception {
		kind.require();
		String prefix = kind.prefix();
		try {
			Path document = write("document.yml", ConvertCommandTests.NATIVE);
			CliRun imported = CliRun.of(args("import", "--to", kind.location(prefix), document.toString()));
			assertThat(imported.exitCode()).as(imported.err()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(imported.out()).contains(": 2 flags created, 0 updated, 0 unchanged; 1 segment added");
			try (WritableFeatureStore store = kind.open(prefix)) {
				assertThat(store.load().features()).isEqualTo(DOCUMENT);
				assertThat(store.audit(10)).hasSize(3).extracting(AuditEntry::actor).containsOnly(FlagstaffCli.ACTOR);
			}
			Path exported = this.dir.resolve("exported.json");
			CliRun export = CliRun.of(args("export", "--from", kind.location(prefix), "--output", exported.toString()));
			assertThat(export.exitCode()).as(export.err()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(FeatureDocuments.parse(Files.readString(exported), "exported")).isEqualTo(DOCUMENT);
		}
		finally {
			kind.clean(prefix);
		}
	}

	@ParameterizedTest
	@EnumSource
	void aStoreThatHoldsAFlagDifferentlyIsOverwrittenOnlyWithForce(TestStores kind) throws Exception {
		kind.require();
		String prefix = kind.prefix();
		try {
			assertThat(
					CliRun.of(args("import", "--to", kind.location(prefix), write("a.yml", ConvertCommandTests.NATIVE)))
						.exitCode())
				.isEqualTo(FlagstaffCli.SUCCESS);
			Path changed = write("b.yml", CHANGED);
			CliRun refused = CliRun.of(args("import", "--to", kind.location(prefix), changed));
			assertThat(refused.exitCode()).isEqualTo(FlagstaffCli.REFUSED);
			assertThat(refused.err()).contains("holds 1 of the document's segments and flags differently; nothing was "
					+ "written. Pass --force to overwrite:\n  flag 'new-checkout' (stored at version 1)\n");
			assertThat(refused.out()).isEmpty();
			try (WritableFeatureStore store = kind.open(prefix)) {
				assertThat(store.feature("new-checkout").version()).isEqualTo(1);
			}
			CliRun forced = CliRun.of(args("import", "--to", kind.location(prefix), "--force", changed));
			assertThat(forced.exitCode()).as(forced.err()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(forced.out())
				.contains(": 0 flags created, 1 updated, 1 unchanged; 0 segments added, " + "0 replaced, 1 unchanged");
			try (WritableFeatureStore store = kind.open(prefix)) {
				assertThat(store.feature("new-checkout").version()).isEqualTo(2);
				assertThat(store.feature("new-checkout").definition().rollout()).isEqualTo(20.0);
				assertThat(store.feature("new-ui").version()).isEqualTo(1);
				assertThat(store.audit("new-checkout", 1)).singleElement()
					.satisfies((entry) -> assertThat(entry.actor()).isEqualTo(FlagstaffCli.ACTOR));
			}
		}
		finally {
			kind.clean(prefix);
		}
	}

	@ParameterizedTest
	@EnumSource
	void flagsOfTheStoreThatTheDocumentDoesNotNameAreKept(TestStores kind) throws Exception {
		kind.require();
		String prefix = kind.prefix();
		try {
			CliRun first = CliRun.withInput("""
					version: 1
					features:
					  dark-mode: { owner: web-team }
					""", args("import", "--to", kind.location(prefix), "-"));
			assertThat(first.exitCode()).as(first.err()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(
					CliRun.of(args("import", "--to", kind.location(prefix), write("a.yml", ConvertCommandTests.NATIVE)))
						.exitCode())
				.isEqualTo(FlagstaffCli.SUCCESS);
			try (WritableFeatureStore store = kind.open(prefix)) {
				assertThat(store.load().features().features()).containsOnlyKeys("dark-mode", "new-checkout", "new-ui");
			}
		}
		finally {
			kind.clean(prefix);
		}
	}

	@ParameterizedTest
	@EnumSource
	void anInvalidDocumentWritesNothing(TestStores kind) throws Exception {
		kind.require();
		String prefix = kind.prefix();
		try {
			Path invalid = write("invalid.yml", """
					version: 1
					features:
					  a: { owner: x }
					  b: { owner: x, requires: [missing] }
					""");
			CliRun run = CliRun.of(args("import", "--to", kind.location(prefix), invalid));
			assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
			assertThat(run.err()).startsWith(invalid + ": invalid feature configuration (1 problem)\n")
				.contains("missing");
			try (WritableFeatureStore store = kind.open(prefix)) {
				assertThat(store.load().features()).isEqualTo(FeatureSet.EMPTY);
			}
		}
		finally {
			kind.clean(prefix);
		}
	}

	@Test
	void onePipeCopiesPostgreSqlIntoRedis() throws Exception {
		TestStores.POSTGRESQL.require();
		TestStores.REDIS.require();
		String tables = TestStores.POSTGRESQL.prefix();
		String keys = TestStores.REDIS.prefix();
		try {
			CliRun.of(args("import", "--to", TestStores.POSTGRESQL.location(tables),
					write("a.yml", ConvertCommandTests.NATIVE)));
			CliRun export = CliRun
				.of(args("export", "--from", TestStores.POSTGRESQL.location(tables), "--format", "json"));
			assertThat(export.exitCode()).as(export.err()).isEqualTo(FlagstaffCli.SUCCESS);
			CliRun imported = CliRun.withInput(export.out(),
					args("import", "--to", TestStores.REDIS.location(keys), "-"));
			assertThat(imported.exitCode()).as(imported.err()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(imported.out())
				.startsWith("imported (stdin) into redis://127.0.0.1:6379 as 'cli': 2 flags created");
			try (WritableFeatureStore redis = TestStores.REDIS.open(keys)) {
				assertThat(redis.load().features()).isEqualTo(DOCUMENT);
			}
		}
		finally {
			TestStores.POSTGRESQL.clean(tables);
			TestStores.REDIS.clean(keys);
		}
	}

	@Test
	void exportingFromMissingTablesCreatesNothingAndFails() throws SQLException {
		TestStores.POSTGRESQL.require();
		String prefix = TestStores.POSTGRESQL.prefix();
		try {
			CliRun run = CliRun.of(args("export", "--from", TestStores.POSTGRESQL.location(prefix)));
			assertThat(run.exitCode()).isEqualTo(FlagstaffCli.STORE_FAILURE);
			assertThat(run.err()).contains(prefix);
			assertThat(run.out()).isEmpty();
		}
		finally {
			TestStores.POSTGRESQL.clean(prefix);
		}
	}

	@Test
	void anUnreachableStoreExitsThree() {
		CliRun redis = CliRun.of("export", "--from", "redis://127.0.0.1:1");
		assertThat(redis.exitCode()).as(redis.err()).isEqualTo(FlagstaffCli.STORE_FAILURE);
		assertThat(redis.err()).contains("127.0.0.1:1");
		CliRun jdbc = CliRun.of("export", "--from", "jdbc:postgresql://127.0.0.1:1/test?user=x&password=secret");
		assertThat(jdbc.exitCode()).as(jdbc.err()).isEqualTo(FlagstaffCli.STORE_FAILURE);
	}

	@Test
	void anExistingOutputIsRefusedBeforeTheStoreIsRead() throws IOException {
		Path output = write("out.yml", "keep me");
		CliRun run = CliRun.of("export", "--from", "redis://127.0.0.1:1", "--output", output.toString());
		assertThat(run.exitCode()).as(run.err()).isEqualTo(FlagstaffCli.REFUSED);
		assertThat(Files.readString(output)).isEqualTo("keep me");
	}

	@Test
	void passwordsAreMaskedInMessages() {
		assertThat(Stores.describe("redis://user:secret@host:6379/0")).isEqualTo("redis://user:***@host:6379/0");
		assertThat(Stores.describe("redis://:secret@host")).isEqualTo("redis://:***@host");
		assertThat(Stores.describe("jdbc:postgresql://host/db?user=x&password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://host/db?user=x&password=***&ssl=true");
		assertThat(Stores.describe("features.yml")).isEqualTo("features.yml");
	}

	private static String[] args(Object... parts) {
		List<String> args = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof String[] many) {
				args.addAll(Arrays.asList(many));
			}
			else {
				args.add(String.valueOf(part));
			}
		}
		return args.toArray(String[]::new);
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
