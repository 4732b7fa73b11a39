package io.flagstaff.health;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.internal.Background;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Kill;
import org.jspecify.annotations.Nullable;

/**
 * Switches a flag off when traffic falls after it was enabled. For every flag whose
 * health policy sets {@code maxTrafficDrop}, each round reads the flag's traffic from a
 * {@link TrafficSignal}:
 * <ul>
 * <li>while the flag is not serving (disabled or killed) the reading is kept as a
 * baseline sample (the last {@code baselineSamples} are kept);</li>
 * <li>on the first round that finds it serving, the baseline is frozen as the mean of
 * those samples;</li>
 * <li>while it serves, a reading whose drop {@code (baseline - traffic) / baseline} is
 * strictly greater than {@code maxTrafficDrop} switches the flag off through the
 * {@link KillSwitch} (actor {@code health-guard}) and tells the listeners.</li>
 * </ul>
 * A flag already serving when the monitor first sees it has no baseline and is not judged
 * until it has been off and enabled again. Rounds run on a scheduler the caller can
 * supply. Thread-safe.
 */
public final class TrafficMonitor implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(TrafficMonitor.class.getName());

	private final Flagstaff flagstaff;

	private final KillSwitch killSwitch;

	private final TrafficSignal signal;

	private final Clock clock;

	private final Duration interval;

	private final int baselineSamples;

	private final ScheduledExecutorService scheduler;

	private final boolean ownsScheduler;

	private final List<AutoDisableListener> listeners;

	private final Map<String, Watch> watches = new HashMap<>();

	private @Nullable ScheduledFuture<?> schedule;

	private final AtomicLong rounds = new AtomicLong();

	private TrafficMonitor(Builder builder) {
		this.flagstaff = builder.flagstaff;
		this.killSwitch = builder.killSwitch;
		this.signal = builder.signal;
		this.clock = builder.clock;
		this.interval = builder.interval;
		this.baselineSamples = builder.baselineSamples;
		this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
		if (builder.scheduler != null) {
			this.scheduler = builder.scheduler;
			this.ownsScheduler = false;
		}
		else {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "flagstaff-traffic-monitor");
				thread.setDaemon(true);
				return thread;
			});
			this.ownsScheduler = true;
		}
	}

	/**
	 * Starts building a monitor.
	 * @param flagstaff where the flags and their policies come from
	 * @param killSwitch where disables are written
	 * @param signal where traffic is read
	 * @return a builder
	 */
	public static Builder builder(Flagstaff flagstaff, KillSwitch killSwitch, TrafficSignal signal) {
		return new Builder(flagstaff, killSwitch, signal);
	}

	/**
	 * Schedules a round every interval, the first one interval from now. Calling it again
	 * does nothing.
	 * @return this monitor
	 */
	public synchronized TrafficMonitor start() {
		if (this.schedule == null) {
			long millis = this.interval.toMillis();
			this.schedule = this.scheduler.scheduleWithFixedDelay(this::checkQuietly, millis, millis,
					TimeUnit.MILLISECONDS);
		}
		return this;
	}

	/**
	 * Runs one round now, on the calling thread.
	 * @return the flags switched off in this round
	 */
	public synchronized List<AutoDisabledEvent> check() {
		FeatureSnapshot snapshot = this.flagstaff.snapshot();
		List<AutoDisabledEvent> disabled = new ArrayList<>();
		this.watches.keySet().retainAll(snapshot.featureKeys());
		for (String key : snapshot.featureKeys()) {
			FeatureDefinition definition = snapshot.definition(key);
			HealthPolicy policy = (definition != null) ? definition.health() : null;
			if (definition == null || policy == null || policy.maxTrafficDrop() == null) {
				this.watches.remove(key);
				continue;
			}
			OptionalDouble traffic = this.signal.traffic(key);
			if (traffic.isEmpty()) {
				continue;
			}
			Watch watch = this.watches.computeIfAbsent(key, (ignored) -> new Watch(this.baselineSamples));
			boolean serving = definition.enabled() && definition.killed() == null;
			AutoDisabledEvent event = watch.observe(definition, policy.maxTrafficDrop(), serving,
					traffic.getAsDouble());
			if (event != null) {
				disabled.add(event);
			}
		}
		this.rounds.incrementAndGet();
		return disabled;
	}

	/**
	 * Returns how many rounds completed, scheduled or not.
	 * @return the count since creation
	 */
	public long rounds() {
		return this.rounds.get();
	}

	/**
	 * Returns the baseline a serving flag is judged against.
	 * @param feature the flag key
	 * @return the baseline, or empty when the flag is not serving or has none
	 */
	public synchronized OptionalDouble baseline(String feature) {
		Watch watch = this.watches.get(feature);
		return (watch != null && !Double.isNaN(watch.baseline)) ? OptionalDouble.of(watch.baseline)
				: OptionalDouble.empty();
	}

	/**
	 * Adds a listener told about each automatic disable.
	 * @param listener the listener
	 * @return a handle that removes it
	 */
	public AutoCloseable addListener(AutoDisableListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Stops the rounds; shuts the scheduler down when the monitor created it.
	 */
	@Override
	public synchronized void close() {
		if (this.schedule != null) {
			this.schedule.cancel(false);
			this.schedule = null;
		}
		if (this.ownsScheduler) {
			this.scheduler.shutdown();
		}
	}

	private void checkQuietly() {
		Background.run(logger, "A traffic monitor round (the next in " + this.interval + ")", this::check);
	}

	private AutoDisabledEvent disable(FeatureDefinition definition, double maxDrop, double baseline, double traffic) {
		double drop = (baseline - traffic) / baseline;
		Map<String, Number> figures = new LinkedHashMap<>();
		figures.put("baseline", baseline);
		figures.put("traffic", traffic);
		figures.put("drop", drop);
		String reason = String.format(Locale.ROOT,
				"'%s': traffic fell %.1f%% (baseline %s before enabling, now %s), more than maxTrafficDrop %.1f%%",
				definition.key(), drop * 100, plain(baseline), plain(traffic), maxDrop * 100);
		Kill kill = new Kill(HealthGuard.ACTOR, reason, this.clock.instant());
		this.killSwitch.disable(definition.key(), kill);
		AutoDisabledEvent event = new AutoDisabledEvent(definition.key(), null, Trigger.TRAFFIC_DROP, kill, figures);
		logger.log(Level.WARNING, "Traffic monitor switched off " + reason);
		DefaultHealthGuard.refresh(this.flagstaff);
		DefaultHealthGuard.notifyListeners(this.listeners, event);
		return event;
	}

	private static String plain(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * The samples and baseline of one flag; guarded by the monitor's lock.
	 */
	private final class Watch {

		private final double[] samples;

		private int count;

		private int next;

		private double baseline = Double.NaN;

		private boolean tripped;

		Watch(int size) {
			this.samples = new double[size];
		}

		@Nullable AutoDisabledEvent observe(FeatureDefinition definition, double maxDrop, boolean serving, double traffic) {
			if (!serving) {
				this.baseline = Double.NaN;
				this.tripped = false;
				this.samples[this.next] = traffic;
				this.next = (this.next + 1) % this.samples.length;
				this.count = Math.min(this.count + 1, this.samples.length);
				return null;
			}
			if (Double.isNaN(this.baseline) && this.count > 0) {
				double sum = 0;
				for (int i = 0; i < this.count; i++) {
					sum += this.samples[i];
				}
				this.baseline = sum / this.count;
				this.count = 0;
				this.next = 0;
			}
			if (this.tripped || Double.isNaN(this.baseline) || this.baseline <= 0) {
				return null;
			}
			if ((this.baseline - traffic) / this.baseline > maxDrop) {
				try {
					AutoDisabledEvent event = disable(definition, maxDrop, this.baseline, traffic);
					this.tripped = true;
					return event;
				}
				catch (Throwable ex) {
					Background.rethrowIfFatal(ex);
					logger.log(Level.ERROR, "Traffic monitor could not switch off feature '" + definition.key()
							+ "'; it will try again next round", ex);
				}
			}
			return null;
		}

	}

	/**
	 * Builds a {@link TrafficMonitor}. Not thread-safe.
	 */
	public static final class Builder {

		private final Flagstaff flagstaff;

		private final KillSwitch killSwitch;

		private final TrafficSignal signal;

		private Clock clock = Clock.systemUTC();

		private Duration interval = Duration.ofMinutes(1);

		private int baselineSamples = 5;

		private @Nullable ScheduledExecutorService scheduler;

		private final List<AutoDisableListener> listeners = new ArrayList<>();

		private Builder(Flagstaff flagstaff, KillSwitch killSwitch, TrafficSignal signal) {
			this.flagstaff = Objects.requireNonNull(flagstaff, "flagstaff");
			this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
			this.signal = Objects.requireNonNull(signal, "signal");
		}

		/**
		 * Sets the clock that stamps disables.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets how often a round runs once {@link TrafficMonitor#start() started}.
		 * @param interval the delay between rounds (default one minute)
		 * @return this builder
		 * @throws IllegalArgumentException when the interval is shorter than a
		 * millisecond
		 */
		public Builder interval(Duration interval) {
			if (interval.toMillis() < 1) {
				throw new IllegalArgumentException(
						"interval of the traffic monitor must be at least 1ms, but was " + interval);
			}
			this.interval = interval;
			return this;
		}

		/**
		 * Sets how many readings taken while a flag is off make its baseline (their
		 * mean).
		 * @param baselineSamples the number of readings (default 5)
		 * @return this builder
		 * @throws IllegalArgumentException when not positive
		 */
		public Builder baselineSamples(int baselineSamples) {
			if (baselineSamples < 1) {
				throw new IllegalArgumentException(
						"baselineSamples of the traffic monitor must be at least 1, but was " + baselineSamples);
			}
			this.baselineSamples = baselineSamples;
			return this;
		}

		/**
		 * Sets the scheduler the rounds run on; the monitor does not shut it down.
		 * @param scheduler the scheduler (default: one daemon thread owned by the
		 * monitor)
		 * @return this builder
		 */
		public Builder scheduler(ScheduledExecutorService scheduler) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * Adds a listener told about each automatic disable.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(AutoDisableListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Builds the monitor; call {@link TrafficMonitor#start()} to schedule its rounds.
		 * @return the monitor
		 */
		public TrafficMonitor build() {
			return new TrafficMonitor(this);
		}

	}

}
