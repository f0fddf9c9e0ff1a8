package dev.idsync.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Times a benchmark's phases and watches the heap while they run: the heap used (sampled every 20 ms, so it includes
 * garbage not yet collected) and, after each phase (outside its time), the heap still used after a full collection:
 * what the benchmark held on to.
 */
final class Meter implements AutoCloseable {

	private static final long MIB = 1024 * 1024;

	private final AtomicLong phasePeak = new AtomicLong();

	private final AtomicLong peak = new AtomicLong();

	private final LongSupplier storeSize;

	private final Thread sampler;

	private final List<Phase> phases = new ArrayList<>();

	private long retainedPeak;

	private volatile boolean running = true;

	/**
	 * A meter.
	 * @param storeSize the store's size on disk in bytes at the end of a phase ({@code -1} when unknown)
	 */
	Meter(LongSupplier storeSize) {
		this.storeSize = storeSize;
		this.sampler = new Thread(this::sample, "heap-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/**
	 * Runs one phase and records its wall time, its rows, the highest heap use sampled during it, the heap retained
	 * after it and the store's size.
	 * @param name the phase
	 * @param work the phase: returns how many rows it handled
	 * @return the phase's record
	 */
	Phase time(String name, LongSupplier work) {
		this.phasePeak.set(heapUsed());
		long start = System.nanoTime();
		long rows = work.getAsLong();
		double seconds = (System.nanoTime() - start) / 1e9;
		long used = this.phasePeak.get();
		System.gc();
		long retained = heapUsed();
		this.retainedPeak = Math.max(this.retainedPeak, retained);
		Phase phase = new Phase(name, rows, seconds, -1, used / MIB, retained / MIB, this.storeSize.getAsLong() / MIB);
		this.phases.add(phase);
		System.err.printf("%s %s: %,d rows in %.1f s, heap used %,d MiB, retained %,d MiB, store %,d MiB%n",
				java.time.LocalTime.now().withNano(0), name, rows, seconds, phase.peakHeapMib(), phase.retainedMib(),
				phase.storeMib());
		return phase;
	}

	/** Notes how much of the last phase was spent in the database (the rest generated its rows). */
	void inDatabase(double seconds) {
		Phase last = this.phases.remove(this.phases.size() - 1);
		this.phases.add(new Phase(last.name(), last.rows(), last.seconds(), seconds, last.peakHeapMib(),
				last.retainedMib(), last.storeMib()));
	}

	/** The phases recorded since the last call, which starts a new list. */
	List<Phase> drain() {
		List<Phase> drained = List.copyOf(this.phases);
		this.phases.clear();
		return drained;
	}

	long peakHeapMib() {
		return this.peak.get() / MIB;
	}

	/** The most heap still in use after a full collection at the end of a phase: what the benchmark held on to. */
	long peakRetainedMib() {
		return this.retainedPeak / MIB;
	}

	static long maxHeapMib() {
		return Runtime.getRuntime().maxMemory() / MIB;
	}

	/** Collections so far and their total time, e.g. {@code 412 collections, 9.8 s}. */
	static String collections() {
		long count = 0;
		long millis = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, collector.getCollectionCount());
			millis += Math.max(0, collector.getCollectionTime());
		}
		return String.format("%,d collections, %.1f s", count, millis / 1000.0);
	}

	/** A line of {@code /proc/self/status}, e.g. {@code VmHWM}, in MiB ({@code -1} where there is no /proc). */
	static long statusMib(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

	private void sample() {
		while (this.running) {
			long used = heapUsed();
			this.phasePeak.accumulateAndGet(used, Math::max);
			this.peak.accumulateAndGet(used, Math::max);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * One phase: its rows, wall time, the part of it spent in the database when it also generated rows ({@code -1}
	 * when it did not), the highest heap use sampled during it (garbage included), the heap still used after a full
	 * collection at its end, and the store's size on disk at its end ({@code -1} when unknown).
	 */
	record Phase(String name, long rows, double seconds, double databaseSeconds, long peakHeapMib, long retainedMib,
			long storeMib) {

		/** Rows per second of database time. */
		double rowsPerSecond() {
			double in = (this.databaseSeconds >= 0) ? this.databaseSeconds : this.seconds;
			return (in > 0) ? this.rows / in : 0;
		}

	}

}
