package org.sieve.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.sieve.service.ResultCache;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sieve cache}: where the result cache is, how big it is, and emptying it. */
@Command(name = "cache",
        header = "Show or clear the result cache.",
        description = {"Sieve keeps every computed layer result in a cache folder, keyed by the model's weights,"
                + " the image's pixels and preprocessing, the layer and every setting, so a repeated analysis"
                + " returns at once. At most 256 MB; the least recently used results go first.",
                "Folder: $XDG_CACHE_HOME/sieve or ~/.cache/sieve on Linux, ~/Library/Caches/Sieve on macOS,"
                + " %%LOCALAPPDATA%%\\Sieve\\cache on Windows; JAVA_OPTS=-Dsieve.cache=DIR chooses another."})
final class CacheCommand extends Subcommand {

    @ArgGroup
    Action action;

    /** One of the two, or neither for --info. */
    static final class Action {
        @Option(names = "--info", description = "The folder, the number of cached layer results and their size"
                + " (the default).")
        boolean info;

        @Option(names = "--clear", description = "Delete every cached result.")
        boolean clear;
    }

    @Override
    public Integer call() {
        PrintStream out = out();
        ResultCache cache = ResultCache.openDefault();
        if (action != null && action.clear) {
            ResultCache.Info was = cache.clear();
            out.println("Deleted " + was.entries() + " cached layer results (" + megabytes(was.bytes()) + ") from "
                    + was.folder());
        } else {
            ResultCache.Info info = cache.info();
            out.println("Folder:  " + info.folder());
            out.println("Entries: " + info.entries() + " layer results");
            out.println("Size:    " + megabytes(info.bytes()) + " of at most " + megabytes(info.maxBytes()));
        }
        return 0;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
