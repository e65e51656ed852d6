package org.sieve.service;

import org.sieve.io.AtomicFiles;
import org.sieve.io.StagedFolder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.analysis.ResultFiles;
import org.sieve.analysis.ResultJson;
import org.sieve.render.Png;

/**
 * A batch's output folder: where each image's results go, which images are finished, and the
 * summary files. An image is finished when its result.json exists, since that file is written
 * last and atomically.
 */
public final class BatchFolder {

    private final Path out;

    BatchFolder(Path out) {
        this.out = out;
    }

    /** The folder of each image: its relative path without extension, or with it where two would clash. */
    Map<Path, Path> imageFolders(List<Path> images) {
        Map<Path, Integer> uses = new HashMap<>();
        images.forEach(i -> uses.merge(withoutExtension(i), 1, Integer::sum));
        Map<Path, Path> folders = new LinkedHashMap<>();
        for (Path i : images) {
            Path stem = withoutExtension(i);
            folders.put(i, out.resolve(uses.get(stem) > 1 ? i : stem));
        }
        return folders;
    }

    /**
     * An image's finished result.json, or null when there is none or it cannot be read (the image
     * is then analysed again).
     */
    public static JsonObject finished(Path imageFolder, BatchListener listener) {
        Path file = imageFolder.resolve("result.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonObject o = ResultJson.parse(Files.readString(file));
            if (o != null && o.has("layers")) {
                return o;
            }
        } catch (IOException | RuntimeException e) {
            // Reported below like any other unusable result.
        }
        listener.warning("Ignoring the unreadable " + file + "; analysing the image again.");
        return null;
    }

    /** Writes an image's results over any half-written files of a run killed while writing them. */
    public static void writeImage(JobResult r, Path imageFolder) {
        if (Files.isDirectory(imageFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(imageFolder, AtomicFiles::isTemporary)) {
                files.forEach(AtomicFiles::deleteQuietly);
            } catch (IOException e) {
                // Leftovers are harmless; writing the results reports real problems.
            }
            StagedFolder.deleteLeftovers(imageFolder);
        }
        ResultFiles.write(r.analysis(), r.cachedLayers(), imageFolder);
    }

    void writeSummary(BatchSummary summary, BatchReport report, String mask) {
        AtomicFiles.writeText(out.resolve("summary.json"), summary.json(report, mask));
        AtomicFiles.writeText(out.resolve("summary.csv"), summary.csv());
        if (summary.images() > 0) {
            Png.write(summary.chart(), out.resolve("summary.png"));
        }
    }

    private static Path withoutExtension(Path relative) {
        String name = relative.getFileName().toString();
        Path stem = Path.of(name.substring(0, name.lastIndexOf('.')));
        return relative.getParent() == null ? stem : relative.getParent().resolve(stem);
    }
}
