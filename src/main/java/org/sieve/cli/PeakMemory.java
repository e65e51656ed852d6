package org.sieve.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The process's peak memory: resident set (Java heap and TensorFlow's native buffers together,
 * from Linux's /proc) and the Java heap's own peak, for the benchmarks.
 */
final class PeakMemory {

    private PeakMemory() {
    }

    static String describe() {
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long resident = residentPeakKb();
        String rss = resident < 0 ? "resident peak unknown on this system"
                : String.format(Locale.ROOT, "%.0f MB resident (whole process, native included)", resident / 1024.0);
        return String.format(Locale.ROOT, "%s, Java heap pools' peaks %.0f MB", rss, heap / 1048576.0);
    }

    /** VmHWM from /proc/self/status, in kB; -1 where there is none (not Linux). */
    private static long residentPeakKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
