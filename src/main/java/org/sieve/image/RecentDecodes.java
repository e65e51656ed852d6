package org.sieve.image;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few image files decoded, by the SHA-256 of their bytes, so that a file is decoded once
 * although the explorer reads it to show it and again to prepare it for each model, fitting and
 * region. Keyed by content, a file changed on disk is decoded afresh; the pictures are softly
 * held, so memory pressure drops them instead of failing. Callers must not draw on a picture.
 */
final class RecentDecodes {

    /** Two panels' images, and the ones they had before a comparison swapped them. */
    private static final int KEPT = 4;

    private static final Map<String, SoftReference<ImageFileReader.Source>> BY_SHA256 =
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SoftReference<ImageFileReader.Source>> eldest) {
                    return size() > KEPT;
                }
            };

    private RecentDecodes() {
    }

    /** The file with these bytes as decoded before, or null. */
    static synchronized ImageFileReader.Source get(String sha256) {
        SoftReference<ImageFileReader.Source> ref = BY_SHA256.get(sha256);
        return ref == null ? null : ref.get();
    }

    static synchronized void put(ImageFileReader.Source source) {
        BY_SHA256.put(source.sha256(), new SoftReference<>(source));
    }
}
