package org.sieve.service;

import org.sieve.io.AtomicFiles;
import org.sieve.io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;

/**
 * Layer results on disk, one file per cache key. Entries are written atomically and checked on
 * every read; a damaged one is deleted and reported as a miss, so it gets recomputed. The total
 * size is bounded: when a write takes it over the limit, the least recently used entries (by
 * modification time, which every hit refreshes) are deleted down to 90% of it. Safe to share
 * between threads; several processes may share the folder (the worst case is a recomputation).
 */
public final class ResultCache {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /**
     * An entry holds one layer's maps on its sigma grid (about 30 KB for the bundled models); a
     * bigger file, or anything but a plain file (a link to /dev/zero), is damage and is discarded.
     */
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    /** Eviction goes below the limit so that the next writes do not evict again at once. */
    static final double EVICT_TO = 0.9;
    private static final String SUFFIX = ".entry";
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    /** What the cache holds. */
    public record Info(Path folder, int entries, long bytes, long maxBytes) {
    }

    private record Stored(Path file, long bytes, FileTime used) {
    }

    private final Path folder;
    private final Path entries;
    /** Entries shipped with the installation (the bundled lessons' results), read only; null for none. */
    private final Path prepared;
    private final long maxBytes;
    /** Total size of the entries as far as this process knows; -1 until the first write scans the folder. */
    private long knownBytes = -1;

    private ResultCache(Path folder, long maxBytes, Path prepared) {
        this.folder = folder;
        this.entries = folder.resolve("layers");
        this.maxBytes = maxBytes;
        this.prepared = prepared;
    }

    /**
     * The platform's user cache folder (or -Dsieve.cache), bounded to {@link #DEFAULT_MAX_BYTES},
     * consulting the installation's prepared results ({@link CacheFolder#prepared()}).
     */
    public static ResultCache openDefault() {
        return open(CacheFolder.resolve(), DEFAULT_MAX_BYTES).consulting(CacheFolder.prepared());
    }

    /**
     * This cache, answering also from {@code preparedFolder} (a cache folder of the same layout),
     * which is only read: a miss here that it holds is a hit, and nothing is written to it.
     */
    public ResultCache consulting(Path preparedFolder) {
        return new ResultCache(folder, maxBytes, preparedFolder.toAbsolutePath().resolve("layers"));
    }

    /** Creates the folder if needed and checks that it can be written. */
    public static ResultCache open(Path folder, long maxBytes) {
        ResultCache cache = new ResultCache(folder.toAbsolutePath(), maxBytes, null);
        try {
            Files.createDirectories(cache.entries);
            Files.delete(Files.createTempFile(cache.entries, AtomicFiles.TEMP_PREFIX, AtomicFiles.TEMP_SUFFIX));
        } catch (IOException e) {
            throw new SieveException("The result cache folder " + cache.folder + " cannot be written: "
                    + AtomicFiles.reason(e) + ". Point Sieve at another folder with JAVA_OPTS=-D"
                    + CacheFolder.PROPERTY + "=DIR, or run without the cache (--no-cache).", e);
        }
        return cache;
    }

    public Path folder() {
        return folder;
    }

    /** The entry for a key, or empty when there is none or it was damaged (then it is deleted). */
    synchronized Optional<CachedLayer> get(String key) {
        Optional<CachedLayer> own = read(key, entries, true);
        return own.isPresent() || prepared == null ? own : read(key, prepared, false);
    }

    /** @param own whether the entry is this cache's to refresh and, when damaged, to delete */
    private static Optional<CachedLayer> read(String key, Path folder, boolean own) {
        Path file = folder.resolve(key + SUFFIX);
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String text;
        CachedLayer entry;
        try {
            if (!BoundedFiles.isPlainFile(file)) {
                return discard(file, own);
            }
            text = new String(BoundedFiles.read(file, MAX_ENTRY_BYTES), StandardCharsets.UTF_8);
            entry = CacheEntry.decode(key, text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return discard(file, own);
        }
        if (own) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } catch (IOException e) {
                // A read-only cache still answers; it just cannot track use.
            }
        }
        return Optional.of(entry);
    }

    /** The layers of {@code request} that this cache (or the prepared results it consults) holds. */
    public Set<String> held(AnalysisRequest request) {
        CacheKeys keys = CacheKeys.of(request);
        return request.layers().stream().filter(l -> get(keys.forLayer(l)).isPresent())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Copies the entries of {@code request}'s layers that this cache holds into {@code target}
     * (e.g. a folder of prepared results to ship); returns how many it copied.
     */
    public int copyTo(AnalysisRequest request, ResultCache target) {
        CacheKeys keys = CacheKeys.of(request);
        int copied = 0;
        for (String layer : request.layers()) {
            Optional<CachedLayer> entry = get(keys.forLayer(layer));
            if (entry.isPresent()) {
                target.put(keys.forLayer(layer), entry.get());
                copied++;
            }
        }
        return copied;
    }

    /** @throws SieveException when the entry cannot be written (full disk, permissions) */
    synchronized void put(String key, CachedLayer entry) {
        Path file = fileOf(key);
        long before = sizeOf(file);
        AtomicFiles.writeText(file, CacheEntry.encode(key, entry));
        if (knownBytes < 0) {
            knownBytes = scan().stream().mapToLong(Stored::bytes).sum();
        } else {
            knownBytes += sizeOf(file) - before;
        }
        if (knownBytes > maxBytes) {
            evict();
        }
    }

    public synchronized Info info() {
        List<Stored> all = scan();
        return new Info(folder, all.size(), all.stream().mapToLong(Stored::bytes).sum(), maxBytes);
    }

    /** Deletes every entry; returns what was there. */
    public synchronized Info clear() {
        Info before = info();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(entries)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new SieveException("Cannot clear the result cache in " + folder + ": " + AtomicFiles.reason(e)
                    + ".", e);
        }
        knownBytes = 0;
        return before;
    }

    private void evict() {
        List<Stored> all = new ArrayList<>(scan());
        all.sort(Comparator.comparing(Stored::used));
        long total = all.stream().mapToLong(Stored::bytes).sum();
        long target = (long) (maxBytes * EVICT_TO);
        for (int i = 0; i < all.size() && total > target; i++) {
            AtomicFiles.deleteQuietly(all.get(i).file());
            total -= all.get(i).bytes();
        }
        knownBytes = total;
    }

    /** Every entry, deleting temporary files that a killed process left behind. */
    private List<Stored> scan() {
        List<Stored> out = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(entries)) {
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (f.getFileName().toString().endsWith(SUFFIX)) {
                        out.add(new Stored(f, a.size(), a.lastModifiedTime()));
                    } else if (AtomicFiles.isTemporary(f) && a.lastModifiedTime().toInstant().isBefore(staleBefore)) {
                        AtomicFiles.deleteQuietly(f);
                    }
                } catch (NoSuchFileException e) {
                    // Evicted or replaced by another process meanwhile.
                }
            }
        } catch (IOException e) {
            throw new SieveException("Cannot read the result cache folder " + entries + ": "
                    + AtomicFiles.reason(e) + ".", e);
        }
        return out;
    }

    private static Optional<CachedLayer> discard(Path file, boolean own) {
        if (own) {
            AtomicFiles.deleteQuietly(file);
        }
        return Optional.empty();
    }

    private Path fileOf(String key) {
        return entries.resolve(key + SUFFIX);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
