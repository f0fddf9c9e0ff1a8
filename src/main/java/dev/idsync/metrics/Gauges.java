package dev.idsync.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Gauges that each run replaces as a whole: a row the run does not set disappears, so that a gate or a source of an
 * earlier run does not linger.
 */
final class Gauges {

	private Gauges() {
	}

	static MultiGauge of(MeterRegistry registry, String name, @Nullable String unit, String description) {
		return MultiGauge.builder(name).baseUnit(unit).description(description).register(registry);
	}

	/** Sets a gauge without labels. */
	static void set(MultiGauge gauge, double value) {
		gauge.register(List.of(MultiGauge.Row.of(Tags.empty(), value)), true);
	}

	/** Replaces every row of a gauge. */
	static void replace(MultiGauge gauge, List<MultiGauge.Row<?>> rows) {
		gauge.register(rows, true);
	}

	static MultiGauge.Row<?> row(Tags tags, double value) {
		return MultiGauge.Row.of(tags, value);
	}

}
