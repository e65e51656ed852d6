package org.sieve.selftest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The self-test's outcome: its checks in the order they ran, up to and including a failed one. */
public record Verdict(List<Check> checks) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** True when every check ran and passed. */
    public boolean passed() {
        return checks.size() == SelfTest.CHECKS && checks.stream().allMatch(Check::passed);
    }

    public double seconds() {
        return checks.stream().mapToDouble(Check::seconds).sum();
    }

    /** One line for a terminal or a support request: the verdict, then each check with its time. */
    public String line() {
        return String.format(Locale.ROOT, "Sieve self-test %s in %.1f s: %s", passed() ? "passed" : "FAILED",
                seconds(), checks.stream().map(Check::text).collect(Collectors.joining("; ")));
    }
}
