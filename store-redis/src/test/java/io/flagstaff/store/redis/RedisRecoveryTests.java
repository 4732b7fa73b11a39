package io.flagstaff.store.redis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis store on a private {@code redis-server}: an instance keeps its flags when Redis
 * restarts empty and comes back when the flags are restored or accepted; scripts are
 * loaded again after the restart; a subscriber that throws does not stop the others from
 * hearing, nor itself from hearing again.
 */
class RedisRecoveryTests {

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private final String prefix = TestRedis.uniquePrefix();

	@TempDir
	Path folder;

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private <T extends AutoCloseable> T closed(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private RedisServerProcess server() throws Exception {
		RedisServerProcess.requireBinary();
		RedisServerProcess server = closed(new RedisServerProcess(this.folder));
		server.start();
		return server;
	}

	private RedisFeatureStore store(RedisServerProcess server) {
		return closed(RedisFeatureStore.builder(server.uri())
			.keyPrefix(this.prefix)
			.pollInterval(Duration.ofMillis(200))
			.build());
	}

	@Test
	void instancesKeepTheirFlagsWhenRedisRestartsEmptyAndFollowItAgainOnceRestored() throws Exception {
		RedisServerProcess server = server();
		RedisFeatureStore writer = store(server);
		for (String key : List.of("a", "b", "c")) {
			writer.create(FeatureDefinition.builder(key).build(), "setup");
		}
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		Flagstaff reader = closed(Flagstaff.builder(store(server)).listener(events::add).build());
		Flagstaff own = closed(Flagstaff.builder(writer).build());

		server.restartEmpty();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreDiverged.class::isInstance)
					&& own.divergence() != null);
		assertThat(events).filteredOn(FlagstaffEvent.StoreDiverged.class::isInstance).singleElement();
		assertThat(reader.divergence().reason()).contains("went back from 3 to 0");
		assertThat(List.of(reader.isEnabled("a"), reader.isEnabled("b"), own.isEnabled("c"))).containsOnly(true);

		for (String key : List.of("a", "b")) {
			writer.create(FeatureDefinition.builder(key).build(), "restore");
		}
		assertThat(reader.snapshot().featureKeys()).as("partly restored: still refused").hasSize(3);
		writer.create(FeatureDefinition.builder("c").build(), "restore");
		await().atMost(Duration.ofSeconds(20)).until(() -> reader.divergence() == null && own.divergence() == null);
		writer.disable("b", "alice");
		await().atMost(Duration.ofSeconds(20)).until(() -> !reader.isEnabled("b"));
	}

	@Test
	void anOperatorAcceptsWhatARestartedRedisHolds() throws Exception {
		RedisServerProcess server = server();
		RedisFeatureStore writer = store(server);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		Flagstaff reader = closed(Flagstaff.builder(store(server)).build());

		server.restartEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> reader.divergence() != null);
		writer.create(FeatureDefinition.builder("z").build(), "someone");
		assertThat(reader.snapshot().featureKeys()).containsExactly("a");

		reader.acceptStoreContent();
		assertThat(reader.divergence()).isNull();
		assertThat(reader.snapshot().featureKeys()).containsExactly("z");
		writer.disable("z", "alice");
		await().atMost(Duration.ofSeconds(20)).until(() -> !reader.isEnabled("z"));
	}

	@Test
	void aSubscriberThatThrowsKeepsBeingToldAndDoesNotSilenceTheOthers() throws Exception {
		RedisServerProcess server = server();
		RedisFeatureStore writer = store(server);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		RedisFeatureStore follower = store(server);
		AtomicInteger thrown = new AtomicInteger();
		List<StoreChange> heard = new CopyOnWriteArrayList<>();
		follower.subscribe(new StoreListener() {

			@Override
			public void changed() {
				thrown.incrementAndGet();
				throw new LinkageError("a listener bug");
			}

			@Override
			public void changed(StoreChange change) {
				thrown.incrementAndGet();
				throw new AssertionError("a listener bug");
			}

		});
		follower.subscribe(new StoreListener() {

			@Override
			public void changed() {
			}

			@Override
			public void changed(StoreChange change) {
				heard.add(change);
			}

		});
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			writer.disable("a", "probe");
			writer.enable("a", "probe");
			return heard.size() >= 2 && thrown.get() >= 2;
		});
		int before = heard.size();
		writer.disable("a", "probe");
		await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() > before);
		assertThat(heard).allSatisfy((change) -> assertThat(change.features()).containsExactly("a"));
	}

	@Test
	void messagesNameTheChangedFlagAndABareRevisionMeansReadEverything() {
		assertThat(RedisFeatureStore.parse("12 f new checkout"))
			.isEqualTo(StoreChange.ofFeatures(12, java.util.Set.of("new checkout")));
		assertThat(RedisFeatureStore.parse("12 s eu")).isEqualTo(StoreChange.ofSegments(12));
		assertThat(RedisFeatureStore.parse("12")).isNull();
		assertThat(RedisFeatureStore.parse("x f a")).isNull();
	}

}
