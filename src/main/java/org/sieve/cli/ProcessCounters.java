package org.sieve.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's minor page faults and CPU time in user and system mode so far, from Linux's
 * /proc/self/stat, for the benchmarks: a step that hands its buffers back to the system and
 * faults them in again shows as minor faults and system time.
 *
 * @param minorFaults faults served without reading from disk (a fresh page, zeroed)
 * @param userSeconds CPU time in user mode, all threads
 * @param systemSeconds CPU time in the kernel on the process's behalf, all threads
 */
record ProcessCounters(long minorFaults, double userSeconds, double systemSeconds) {

    /** Linux reports CPU times in these ticks per second to user space on every architecture. */
    private static final double USER_HZ = 100;

    static final ProcessCounters UNKNOWN = new ProcessCounters(-1, Double.NaN, Double.NaN);

    /** Now, or {@link #UNKNOWN} where there is no /proc (not Linux). */
    static ProcessCounters now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) is in parentheses and may hold spaces; fields count from after it.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // Fields 3.. of proc(5): minflt is field 10, utime 14, stime 15.
            return new ProcessCounters(Long.parseLong(f[10 - 3]), Long.parseLong(f[14 - 3]) / USER_HZ,
                    Long.parseLong(f[15 - 3]) / USER_HZ);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    boolean known() {
        return minorFaults >= 0;
    }

    /** What happened between {@code earlier} and this. */
    ProcessCounters since(ProcessCounters earlier) {
        if (!known() || !earlier.known()) {
            return UNKNOWN;
        }
        return new ProcessCounters(minorFaults - earlier.minorFaults, userSeconds - earlier.userSeconds,
                systemSeconds - earlier.systemSeconds);
    }

    ProcessCounters plus(ProcessCounters other) {
        if (!known() || !other.known()) {
            return UNKNOWN;
        }
        return new ProcessCounters(minorFaults + other.minorFaults, userSeconds + other.userSeconds,
                systemSeconds + other.systemSeconds);
    }
}
