package org.sieve.cli;

import org.sieve.service.ResultCache;
import picocli.CommandLine.Option;

/** {@code --no-cache}: whether an analysis goes through the result cache. */
final class CacheOption {

    @Option(names = "--no-cache", description = "Compute every layer, neither reading nor writing the result"
            + " cache.")
    boolean off;

    /** The result cache, or null with {@code --no-cache}. */
    ResultCache open() {
        return off ? null : ResultCache.openDefault();
    }
}
