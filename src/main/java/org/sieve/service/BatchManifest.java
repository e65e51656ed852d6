package org.sieve.service;

import org.sieve.io.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.analysis.Version;

/**
 * batch.json in a batch's output folder: the arguments its results were computed with. A rerun
 * resumes only with the same arguments, so results of different settings never mix in one summary.
 */
final class BatchManifest {

    static final String FILE = "batch.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private BatchManifest() {
    }

    /** Writes the manifest into a new output folder, or checks that an existing one matches. */
    static void claim(Path out, JsonObject arguments) {
        Path file = out.resolve(FILE);
        if (Files.isRegularFile(file)) {
            JsonObject existing;
            try {
                existing = GSON.fromJson(Files.readString(file), JsonObject.class);
            } catch (IOException | RuntimeException e) {
                throw new SieveException("Cannot read " + file + " (" + e.getMessage() + "). Delete it to start the"
                        + " batch in " + out + " over, or use another --out folder.", e);
            }
            if (!arguments.equals(existing)) {
                List<String> differ = arguments.keySet().stream()
                        .filter(k -> existing == null || !arguments.get(k).equals(existing.get(k))).toList();
                if (differ.contains(Version.ENGINE_FIELD) || differ.contains(Version.SIEVE_FIELD)) {
                    throw new SieveException(out + " holds a batch run by another version of Sieve's engine, whose"
                            + " results would not mix with this version's. Use another --out folder, or delete " + out
                            + " to start over.");
                }
                throw new SieveException(out + " holds a batch run with other arguments (different: "
                        + String.join(", ", differ) + "). Rerun with the same arguments to resume it, use another"
                        + " --out folder, or delete " + out + " to start over.");
            }
            return;
        }
        try {
            AtomicFiles.writeText(file, GSON.toJson(arguments) + "\n");
        } catch (SieveException e) {
            throw new SieveException(e.getMessage() + " Choose an output folder you can write to with --out.", e);
        }
    }
}
