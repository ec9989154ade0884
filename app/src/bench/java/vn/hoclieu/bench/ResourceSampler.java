package vn.hoclieu.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Watches one phase of the benchmark from a daemon thread: every 100 ms the heap in use, the peak
 * resident memory (VmHWM) and CPU time of each extractor JVM below this one, the CPU time of each
 * of this JVM's threads (JIT compilers and garbage collector included), and — when asked — what the
 * named threads are doing, as a stack-sampling profile of where their time goes. Counters (CPU, GC
 * pauses, the whole machine's busy time) are read at the start of the measured part
 * ({@link #restartClocks()}) and at {@link #close()}.
 */
final class ResourceSampler implements AutoCloseable {

    private static final long INTERVAL_MS = 100;
    /** Linux counts CPU time in /proc in ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** "pid/tid" of a thread of this JVM or of an extractor JVM → its name and CPU ticks. */
    private final Map<String, ThreadCpu> threadCpu = new ConcurrentHashMap<>();
    private final Map<Long, Long> childPeakKb = new ConcurrentHashMap<>();
    private final Map<Long, Duration> childCpu = new ConcurrentHashMap<>();
    /** What an extractor process alive when the clocks restarted had already spent: not this phase's. */
    private final Map<Long, Duration> childCpuBefore = new ConcurrentHashMap<>();
    /** Extractor pid → when it was first and last seen (System.nanoTime). */
    private final Map<Long, long[]> childSeen = new ConcurrentHashMap<>();
    private final long born = System.nanoTime();
    private long ticks;
    private final Map<String, Integer> stages = new TreeMap<>();
    private final Predicate<Thread> profiled;
    private final BiFunction<Thread, StackTraceElement[], String> stageOf;
    private final Thread thread;
    private volatile Counters start = Counters.now();
    private volatile Counters end;
    private volatile long peakHeap;
    private volatile boolean running = true;
    private volatile boolean clocksStarted;

    /** A thread's name and its CPU ticks when the clocks started and when last seen. */
    private record ThreadCpu(AtomicReference<String> name, boolean own, AtomicLong startTicks, AtomicLong lastTicks) {
    }

    /** Cumulative counters of this JVM and of the machine. */
    private record Counters(long processCpuNanos, long gcMillis, long machineBusyTicks) {

        static Counters now() {
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
            return new Counters(jvmCpuNanos(), gc, machineBusy());
        }
    }

    /**
     * @param profiled the threads whose stacks are sampled; null for no profile at all
     * @param stageOf  for such a thread and its stack, the stage it shows as {@code "group: stage"}, or
     *                 null when it is doing nothing of interest
     */
    ResourceSampler(Predicate<Thread> profiled, BiFunction<Thread, StackTraceElement[], String> stageOf) {
        this.profiled = profiled;
        this.stageOf = stageOf;
        System.gc(); // so the previous phase's garbage is not counted in this one
        resetOwnPeakRss();
        this.thread = new Thread(this::run, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        // per-thread CPU is a cumulative counter: read twice a second, it costs the machine less
        boolean threadsToo = ticks++ % 5 == 0;
        long now = System.nanoTime();
        // the extractor JVMs, not the tools (tesseract, ffmpeg …) that run beneath them, nor a copy of this
        // JVM caught between fork and exec while it starts one
        ProcessHandle.current().descendants().filter(p -> isExtractor(p.pid()))
                .forEach(p -> {
                    if (threadsToo) {
                        sampleThreadCpu(p.pid(), false);
                    }
                    childSeen.computeIfAbsent(p.pid(), pid -> new long[] {now, now})[1] = now;
                    long kb = peakRssKb(p.pid());
                    if (kb > 0) {
                        childPeakKb.merge(p.pid(), kb, Math::max);
                    }
                    p.info().totalCpuDuration().ifPresent(cpu -> childCpu.merge(p.pid(), cpu,
                            (a, b) -> a.compareTo(b) >= 0 ? a : b));
                });
        if (threadsToo) {
            sampleThreadCpu(ProcessHandle.current().pid(), true);
        }
        if (profiled != null) {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] all = new Thread[root.activeCount() + 16];
            int n = root.enumerate(all, true);
            for (int i = 0; i < n; i++) {
                String stage = profiled.test(all[i]) ? stageOf.apply(all[i], all[i].getStackTrace()) : null;
                if (stage != null) {
                    synchronized (stages) {
                        stages.merge(stage, 1, Integer::sum);
                    }
                }
            }
        }
    }

    /**
     * Linux: the CPU ticks of every thread of a JVM, Java's and the JVM's own (JIT compilers, garbage
     * collector), from /proc/PID/task/TID/stat; its name there is the thread's first 15 characters.
     */
    private void sampleThreadCpu(long pid, boolean own) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    ThreadCpu t = threadCpu.computeIfAbsent(pid + "/" + task.getFileName(), id -> new ThreadCpu(
                            new AtomicReference<>(), own, new AtomicLong(clocksStarted ? 0 : ticks), new AtomicLong()));
                    t.lastTicks().set(ticks);
                    t.name().set(name); // a thread just started may still carry its parent's name

                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException | RuntimeException notLinux) {
            // no per-thread figures then
        }
    }

    /** Counts CPU and GC from now on, not what the phase spent before its measured part. */
    void restartClocks() {
        sampleThreadCpu(ProcessHandle.current().pid(), true);
        // extractor processes of an earlier phase live on (a steady state): count only what they spend from now
        ProcessHandle.current().descendants().filter(p -> isExtractor(p.pid())).forEach(p -> {
            sampleThreadCpu(p.pid(), false);
            p.info().totalCpuDuration().ifPresent(cpu -> childCpuBefore.put(p.pid(), cpu));
        });
        start = Counters.now();
        threadCpu.values().forEach(t -> t.startTicks().set(t.lastTicks().get()));
        clocksStarted = true; // a thread first seen from now on was born in the measured part
    }

    @Override
    public void close() {
        ticks = 0; // the last sample reads every counter
        sample();
        end = Counters.now();
        running = false;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    double peakHeapMb() {
        return peakHeap / 1_048_576.0;
    }

    /** The largest peak RSS of one extractor process, or 0 if there was none. */
    double maxChildRssMb() {
        return childPeakKb.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0;
    }

    int children() {
        return childPeakKb.size();
    }

    /** When each extractor process was seen, in seconds since the phase began ("12–270 s"), by start. */
    String childLifetimes() {
        StringBuilder b = new StringBuilder();
        childSeen.values().stream().sorted(Comparator.comparingLong(seen -> seen[0])).forEach(seen ->
                b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f–%.0f s",
                        (seen[0] - born) / 1e9, (seen[1] - born) / 1e9)));
        return b.toString();
    }

    /** CPU seconds of this JVM in the measured part of the phase. */
    double ownCpuSeconds() {
        return (end.processCpuNanos() - start.processCpuNanos()) / 1e9;
    }

    double gcPauseSeconds() {
        return (end.gcMillis() - start.gcMillis()) / 1e3;
    }

    double childCpuSeconds() {
        return childCpu.entrySet().stream().mapToLong(e -> e.getValue().toMillis()
                - childCpuBefore.getOrDefault(e.getKey(), Duration.ZERO).toMillis()).sum() / 1e3;
    }

    /** CPU seconds the rest of the machine used meanwhile (other programs), or 0 where Linux does not tell. */
    double othersCpuSeconds() {
        double machine = (end.machineBusyTicks() - start.machineBusyTicks()) / TICKS_PER_SECOND;
        return machine <= 0 ? 0 : Math.max(0, machine - ownCpuSeconds() - childCpuSeconds());
    }

    /**
     * CPU seconds of the threads of this JVM ({@code own}) or of the extractor JVMs in the measured
     * part, summed by the kind the function gives a thread's (15-character) name; threads it maps to
     * null are summed as "other". What a thread spent after the last sample before it ended is missed.
     */
    Map<String, Double> cpuByThread(boolean own, Function<String, String> kind) {
        Map<String, Double> out = new TreeMap<>();
        threadCpu.values().stream().filter(t -> t.own() == own).forEach(t -> out.merge(
                Objects.requireNonNullElse(kind.apply(t.name().get()), "other"),
                (t.lastTicks().get() - t.startTicks().get()) / TICKS_PER_SECOND, Double::sum));
        return out;
    }

    /** {@code "group: stage"} → its share of its group's samples in percent, by group, largest first. */
    Map<String, Double> profile() {
        Map<String, Integer> perGroup = new TreeMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        synchronized (stages) {
            stages.forEach((stage, n) -> perGroup.merge(group(stage), n, Integer::sum));
            stages.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> group(e.getKey()))
                            .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed()))
                    .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / perGroup.get(group(e.getKey()))));
        }
        return shares;
    }

    private static String group(String stage) {
        return stage.substring(0, Math.max(0, stage.indexOf(':')));
    }

    /** This JVM's peak resident memory since the phase began, or 0 where Linux does not tell it. */
    static double ownPeakRssMb() {
        return peakRssKb(ProcessHandle.current().pid()) / 1024.0;
    }

    /** Whether the process runs the extractor's main class (its command line, beyond Java's own limit on it). */
    private static boolean isExtractor(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).contains("ExtractorProcess");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between listing and reading, or this is not Linux
        }
        return 0;
    }

    /** Busy ticks of all cores (user, nice, system, irq, softirq, steal), from /proc/stat; 0 elsewhere. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    /** Linux: writing 5 to clear_refs resets the peak RSS, so each phase gets its own. */
    private static void resetOwnPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException notLinux) {
            // then the figure covers the whole run so far
        }
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
