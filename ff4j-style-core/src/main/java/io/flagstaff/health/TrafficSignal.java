package io.flagstaff.health;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

/**
 * Where the {@link TrafficMonitor} reads traffic from: any metric source (requests per
 * minute from a meter registry, orders per hour from a database, page views from an
 * analytics API). Implementations must be thread-safe; they are called from the monitor's
 * scheduler, never from a business thread, and may block briefly.
 */
@FunctionalInterface
public interface TrafficSignal {

	/**
	 * Returns the current traffic relevant to a flag, in any unit as long as it stays the
	 * same between calls (a rate, not an ever-growing total).
	 * @param feature the flag key
	 * @return the traffic, or empty when the source has no figure right now (the monitor
	 * then skips the flag for this round)
	 */
	OptionalDouble traffic(String feature);

	/**
	 * Returns a signal that reports the same overall traffic for every flag.
	 * @param overall reads the overall traffic; {@code NaN} means no figure right now
	 * @return the signal
	 */
	static TrafficSignal overall(DoubleSupplier overall) {
		Objects.requireNonNull(overall, "overall");
		return (feature) -> figure(overall.getAsDouble());
	}

	/**
	 * Returns a signal that reports each listed flag's own traffic and the overall
	 * traffic for the others.
	 * @param perFeature readers of the traffic by flag key
	 * @param overall reads the traffic for flags not listed; {@code NaN} means no figure
	 * @return the signal
	 */
	static TrafficSignal perFeature(Map<String, DoubleSupplier> perFeature, DoubleSupplier overall) {
		Map<String, DoubleSupplier> copy = Map.copyOf(perFeature);
		Objects.requireNonNull(overall, "overall");
		return (feature) -> figure(copy.getOrDefault(feature, overall).getAsDouble());
	}

	private static OptionalDouble figure(double value) {
		return (Double.isNaN(value) || value < 0) ? OptionalDouble.empty() : OptionalDouble.of(value);
	}

}
