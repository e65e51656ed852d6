package org.sieve.service;

import org.sieve.io.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.analysis.Version;
import org.sieve.io.BoundedFiles;
import org.sieve.io.JsonValues;

/**
 * batch.json in a batch's output folder: the arguments its results were computed with. A rerun
 * resumes only with the same arguments, so results of different settings never mix in one summary.
 */
final class BatchManifest {

    static final String FILE = "batch.json";
    /** A manifest holds the arguments and the settings: a few kilobytes. */
    private static final long MAX_BYTES = 1L << 20;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private BatchManifest() {
    }

    /** The manifest in {@code file}; a damaged one is refused in words, not with the parser's exception. */
    private static JsonObject read(Path file, Path out) {
        String problem;
        try {
            JsonElement root = JsonParser.parseString(new String(BoundedFiles.read(file, MAX_BYTES),
                    StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
            problem = root.isJsonNull() ? "it is empty" : "it is not a JSON object";
        } catch (JsonParseException e) {
            problem = "it is damaged: " + JsonValues.problem(e);
        } catch (IOException e) {
            problem = AtomicFiles.reason(e);
        }
        throw new SieveException("Cannot read " + file + " (" + problem + "). Delete it to start the batch in " + out
                + " over, or use another --out folder.");
    }

    /** Writes the manifest into a new output folder, or checks that an existing one matches. */
    static void claim(Path out, JsonObject arguments) {
        Path file = out.resolve(FILE);
        if (Files.isRegularFile(file)) {
            JsonObject existing = read(file, out);
            if (!arguments.equals(existing)) {
                List<String> differ = arguments.keySet().stream()
                        .filter(k -> !arguments.get(k).equals(existing.get(k))).toList();
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
