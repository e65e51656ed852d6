package org.sieve.network.format;

import java.lang.management.ManagementFactory;

/** How much memory a reader allocates on a hostile file: the bound its refusal tests hold it to. */
final class Allocations {

    private Allocations() {
    }

    /** Bytes the current thread allocated while {@code work} ran. */
    static long during(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
