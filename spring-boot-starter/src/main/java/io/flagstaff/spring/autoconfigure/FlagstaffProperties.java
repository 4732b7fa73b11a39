package io.flagstaff.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flagstaff.store.StoreBootstrap;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Configuration properties of Flagstaff, under {@code flagstaff}.
 */
@ConfigurationProperties("flagstaff")
public class FlagstaffProperties {

	/**
	 * Whether to enable the Flagstaff auto-configuration.
	 */
	private boolean enabled = true;

	/**
	 * Location of the flag document (native YAML/JSON or the legacy JSON format). A
	 * 'file:' location is watched and hot-reloaded; a 'classpath:' location is read once.
	 */
	private String featuresLocation = "classpath:features.yml";

	/**
	 * Environment flags are evaluated in when a context names none. Defaults to the first
	 * active Spring profile.
	 */
	private @Nullable String environment;

	/**
	 * Whether flag keys are checked strictly: startup fails when code names a flag key
	 * (@FeatureToggle, @Variant, a strategy) that no flag has, instead of logging a
	 * warning, and evaluating an unknown flag throws instead of returning the default.
	 */
	private boolean strict;

	/**
	 * Whether to count evaluations per flag (on, off, per variant, first and last time),
	 * as the actuator endpoint and the hygiene report show them. Costs a per-thread
	 * counter increment per evaluation.
	 */
	private boolean usageStatistics = true;

	/**
	 * Order of the advice that guards @FeatureToggle methods; lower runs earlier
	 * (outside). The default runs outside @Transactional.
	 */
	private int aspectOrder = Ordered.LOWEST_PRECEDENCE - 100;

	private final Store store = new Store();

	private final Context context = new Context();

	private final Metrics metrics = new Metrics();

	private final Actuator actuator = new Actuator();

	private final Web web = new Web();

	private final Health health = new Health();

	private final Experiments experiments = new Experiments();

	private final Feedback feedback = new Feedback();

	private final Hygiene hygiene = new Hygiene();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getFeaturesLocation() {
		return this.featuresLocation;
	}

	public void setFeaturesLocation(String featuresLocation) {
		this.featuresLocation = featuresLocation;
	}

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public boolean isUsageStatistics() {
		return this.usageStatistics;
	}

	public void setUsageStatistics(boolean usageStatistics) {
		this.usageStatistics = usageStatistics;
	}

	public int getAspectOrder() {
		return this.aspectOrder;
	}

	public void setAspectOrder(int aspectOrder) {
		this.aspectOrder = aspectOrder;
	}

	public Store getStore() {
		return this.store;
	}

	public Context getContext() {
		return this.context;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	public Web getWeb() {
		return this.web;
	}

	public Health getHealth() {
		return this.health;
	}

	public Experiments getExperiments() {
		return this.experiments;
	}

	public Feedback getFeedback() {
		return this.feedback;
	}

	public Hygiene getHygiene() {
		return this.hygiene;
	}

	/**
	 * The health guard (automatic kill switch).
	 */
	public static class Health {

		/**
		 * Whether guarded and routed calls feed the health guard, which disables a flag
		 * whose health policy is crossed.
		 */
		private boolean enabled = true;

		private final Traffic traffic = new Traffic();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Traffic getTraffic() {
			return this.traffic;
		}

	}

	/**
	 * The traffic monitor, configured when the application declares a TrafficSignal bean.
	 */
	public static class Traffic {

		/**
		 * How often the traffic monitor reads the traffic signal.
		 */
		private Duration interval = Duration.ofMinutes(1);

		/**
		 * How many readings taken while a flag is off make its baseline (their mean).
		 */
		private int baselineSamples = 5;

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public int getBaselineSamples() {
			return this.baselineSamples;
		}

		public void setBaselineSamples(int baselineSamples) {
			this.baselineSamples = baselineSamples;
		}

	}

	/**
	 * Exposure events and experiment tracking (with {@code flagstaff-experiments} on the
	 * classpath).
	 */
	public static class Experiments {

		/**
		 * Whether evaluations of flags marked 'track: true' are queued to the exposure
		 * listeners and an ExperimentTracker attributes conversions.
		 */
		private boolean enabled = true;

		/**
		 * How many exposures may wait for delivery; further ones are dropped and counted.
		 */
		private int queueCapacity = 10_000;

		/**
		 * How many bucketing keys the experiment tracker remembers per flag.
		 */
		private int maxKeysPerFeature = 1_000_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public int getMaxKeysPerFeature() {
			return this.maxKeysPerFeature;
		}

		public void setMaxKeysPerFeature(int maxKeysPerFeature) {
			this.maxKeysPerFeature = maxKeysPerFeature;
		}

	}

	/**
	 * Users' feedback on features (with {@code flagstaff-experiments} on the classpath).
	 */
	public static class Feedback {

		/**
		 * Whether to configure a FeedbackCollector.
		 */
		private boolean enabled = true;

		/**
		 * Lowest rating accepted.
		 */
		private int minRating = 1;

		/**
		 * Highest rating accepted.
		 */
		private int maxRating = 5;

		/**
		 * How many entries the in-memory feedback store keeps per flag (the newest);
		 * older ones are dropped and counted. Not used by the JDBC feedback store.
		 */
		private int maxPerFeature = 1_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMinRating() {
			return this.minRating;
		}

		public void setMinRating(int minRating) {
			this.minRating = minRating;
		}

		public int getMaxRating() {
			return this.maxRating;
		}

		public void setMaxRating(int maxRating) {
			this.maxRating = maxRating;
		}

		public int getMaxPerFeature() {
			return this.maxPerFeature;
		}

		public void setMaxPerFeature(int maxPerFeature) {
			this.maxPerFeature = maxPerFeature;
		}

	}

	/**
	 * The hygiene report (flag debt).
	 */
	public static class Hygiene {

		/**
		 * Whether to configure a HygieneInspector and show its report in the 'features'
		 * actuator endpoint.
		 */
		private boolean enabled = true;

		/**
		 * How long a flag may go unevaluated before it is reported.
		 */
		private Duration notEvaluatedFor = Duration.ofDays(30);

		/**
		 * How long a flag that serves everyone the same may stay unchanged before it is
		 * reported as ready to remove.
		 */
		private Duration unchangedFor = Duration.ofDays(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getNotEvaluatedFor() {
			return this.notEvaluatedFor;
		}

		public void setNotEvaluatedFor(Duration notEvaluatedFor) {
			this.notEvaluatedFor = notEvaluatedFor;
		}

		public Duration getUnchangedFor() {
			return this.unchangedFor;
		}

		public void setUnchangedFor(Duration unchangedFor) {
			this.unchangedFor = unchangedFor;
		}

	}

	/**
	 * Where flags are stored.
	 */
	public static class Store {

		/**
		 * Type of store: 'file' reads the features location (watched when it is a file),
		 * 'memory' keeps a writable in-memory copy seeded from it, 'jdbc' uses the
		 * application's DataSource, 'redis' the application's Redis connection.
		 */
		private StoreType type = StoreType.FILE;

		/**
		 * How often a file store checks its file for changes when file-system events are
		 * unavailable.
		 */
		private Duration pollInterval = Duration.ofSeconds(2);

		/**
		 * Whether a 'file' store over a read-only features location (a 'classpath:' or
		 * URL resource) keeps runtime changes (health-guard disables, actuator writes) in
		 * memory on this instance until restart. When false the store stays read-only:
		 * the health guard only logs and actuator writes are refused.
		 */
		private boolean inMemoryChanges = true;

		/**
		 * Location of a flag document (native YAML/JSON or the legacy JSON format) that
		 * seeds a writable store at startup, before any request is served: see
		 * 'bootstrap-mode'. Writes are audited with the actor 'bootstrap'.
		 */
		private @Nullable String bootstrapLocation;

		/**
		 * What the bootstrap writes: 'missing' creates every flag and segment of the
		 * bootstrap document that the store lacks and never changes one it holds;
		 * 'if-empty' seeds the store only when it holds no flag; 'none' never writes.
		 */
		private StoreBootstrap.Mode bootstrapMode = StoreBootstrap.Mode.MISSING;

		private final Jdbc jdbc = new Jdbc();

		private final Redis redis = new Redis();

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public Redis getRedis() {
			return this.redis;
		}

		public StoreType getType() {
			return this.type;
		}

		public void setType(StoreType type) {
			this.type = type;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public boolean isInMemoryChanges() {
			return this.inMemoryChanges;
		}

		public void setInMemoryChanges(boolean inMemoryChanges) {
			this.inMemoryChanges = inMemoryChanges;
		}

		public @Nullable String getBootstrapLocation() {
			return this.bootstrapLocation;
		}

		public void setBootstrapLocation(@Nullable String bootstrapLocation) {
			this.bootstrapLocation = bootstrapLocation;
		}

		public StoreBootstrap.Mode getBootstrapMode() {
			return this.bootstrapMode;
		}

		public void setBootstrapMode(StoreBootstrap.Mode bootstrapMode) {
			this.bootstrapMode = bootstrapMode;
		}

	}

	/**
	 * The JDBC store.
	 */
	public static class Jdbc {

		/**
		 * Prefix of the store's table names.
		 */
		private String tablePrefix = "flagstaff_";

		/**
		 * Whether to create the store's tables when they are missing.
		 */
		private boolean createSchema = true;

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		public boolean isCreateSchema() {
			return this.createSchema;
		}

		public void setCreateSchema(boolean createSchema) {
			this.createSchema = createSchema;
		}

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Redis URI of the store, overriding the application's Redis connection. Defaults
		 * to the application's 'spring.data.redis.*' connection (url, host, port,
		 * username, password, database, ssl; standalone only), localhost:6379 when none
		 * is set.
		 */
		private @Nullable String uri;

		/**
		 * Prefix of the store's keys and channel.
		 */
		private String keyPrefix = "flagstaff:";

		public @Nullable String getUri() {
			return this.uri;
		}

		public void setUri(@Nullable String uri) {
			this.uri = uri;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * The kinds of store.
	 */
	public enum StoreType {

		/** The features location: a watched file, or a read-only classpath resource. */
		FILE,
		/** A writable in-memory store seeded from the features location. */
		MEMORY,
		/** The JDBC store over the application's DataSource. */
		JDBC,
		/** The Redis store over the application's Redis connection. */
		REDIS

	}

	/**
	 * How the context of a request is built.
	 */
	public static class Context {

		/**
		 * Principal properties (bean paths on the Principal or Spring Security
		 * Authentication) to context attributes. 'userId' and 'sessionId' set those
		 * fields.
		 */
		private Map<String, String> principal = new LinkedHashMap<>(Map.of("name", "userId"));

		/**
		 * Request headers to context attributes, for example 'X-Region: region'. Applied
		 * after the principal: a header never replaces an attribute the principal set.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Request (or exchange) attributes to context attributes. Applied after the
		 * principal and the headers.
		 */
		private Map<String, String> requestAttributes = new LinkedHashMap<>();

		public Map<String, String> getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(Map<String, String> principal) {
			this.principal = principal;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public Map<String, String> getRequestAttributes() {
			return this.requestAttributes;
		}

		public void setRequestAttributes(Map<String, String> requestAttributes) {
			this.requestAttributes = requestAttributes;
		}

	}

	/**
	 * Micrometer meters.
	 */
	public static class Metrics {

		/**
		 * Whether to record the 'flagstaff.calls' timer and 'flagstaff.evaluations'
		 * counter.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The 'features' actuator endpoint.
	 */
	public static class Actuator {

		/**
		 * Whether the endpoint accepts writes (enable, disable, rollout, variant
		 * weights).
		 */
		private boolean writesEnabled;

		/**
		 * How many recent audit entries the detail of one flag shows.
		 */
		private int auditLimit = 20;

		public boolean isWritesEnabled() {
			return this.writesEnabled;
		}

		public void setWritesEnabled(boolean writesEnabled) {
			this.writesEnabled = writesEnabled;
		}

		public int getAuditLimit() {
			return this.auditLimit;
		}

		public void setAuditLimit(int auditLimit) {
			this.auditLimit = auditLimit;
		}

	}

	/**
	 * Spring MVC and WebFlux support.
	 */
	public static class Web {

		/**
		 * HTTP status returned when a request reaches code whose flag is off: 404 or 503.
		 */
		private int disabledStatus = 404;

		/**
		 * Order of the filter that pins one snapshot per request; it must run after
		 * Spring Security's filter to see the principal.
		 */
		private int filterOrder = 0;

		public int getDisabledStatus() {
			return this.disabledStatus;
		}

		public void setDisabledStatus(int disabledStatus) {
			if (disabledStatus != 404 && disabledStatus != 503) {
				throw new IllegalArgumentException(
						"flagstaff.web.disabled-status must be 404 or 503, was " + disabledStatus);
			}
			this.disabledStatus = disabledStatus;
		}

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

	}

}
