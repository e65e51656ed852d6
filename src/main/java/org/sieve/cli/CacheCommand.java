package org.sieve.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.service.ResultCache;

/** {@code sieve cache}: where the result cache is, how big it is, and emptying it. */
final class CacheCommand {

    static final String HELP = """
            Usage: sieve cache [--info | --clear]
              Sieve keeps every computed layer result in a cache folder, keyed by the model's
              weights, the image's pixels and preprocessing, the layer and every setting, so a
              repeated analysis returns at once. At most 256 MB; the least recently used results
              go first. Folder: $XDG_CACHE_HOME/sieve or ~/.cache/sieve on Linux,
              ~/Library/Caches/Sieve on macOS, %LOCALAPPDATA%\\Sieve\\cache on Windows;
              JAVA_OPTS=-Dsieve.cache=DIR chooses another.
              --info    the folder, the number of cached layer results and their size (the default)
              --clear   delete every cached result""";

    private CacheCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = Options.parse("cache", args, Set.of(), Set.of("info", "clear"));
        if (o.has("info") && o.has("clear")) {
            throw new UsageException("Give either --info or --clear.");
        }
        ResultCache cache = ResultCache.openDefault();
        if (o.has("clear")) {
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
