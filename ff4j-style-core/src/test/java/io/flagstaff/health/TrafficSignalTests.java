package io.flagstaff.health;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSignalTests {

	@Test
	void anOverallSignalReportsTheSameFigureForEveryFlag() {
		AtomicReference<Double> overall = new AtomicReference<>(120.0);
		TrafficSignal signal = TrafficSignal.overall(overall::get);
		assertThat(signal.traffic("a")).hasValue(120.0);
		assertThat(signal.traffic("b")).hasValue(120.0);
		overall.set(Double.NaN);
		assertThat(signal.traffic("a")).isEmpty();
		overall.set(-1.0);
		assertThat(signal.traffic("a")).as("a negative figure is no figure").isEmpty();
	}

	@Test
	void aPerFeatureSignalFallsBackToTheOverallFigure() {
		TrafficSignal signal = TrafficSignal.perFeature(Map.of("checkout", () -> 7.0), () -> 300.0);
		assertThat(signal.traffic("checkout")).hasValue(7.0);
		assertThat(signal.traffic("search")).hasValue(300.0);
	}

}
