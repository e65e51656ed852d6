package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The Keras 3 .keras reader on arbitrary input (issue 14), as {@link FormatFuzzing} checks. The
 * first byte picks what the rest is: the whole zip, or (so that the fuzzer gets past the zip's
 * checksums) config.json or model.weights.h5 packed beside the other entries of a valid file.
 * The normal test run replays the committed corpus in KerasZipFuzzTestInputs; scripts/fuzz.sh
 * keras fuzzes.
 */
class KerasZipFuzzTest {

    private static final ModelFormat FORMAT = FormatFuzzing.format("Keras 3 .keras");
    private static final Path FILE = FormatFuzzing.folder("keras").resolve("model.keras");
    private static final Map<String, byte[]> BASE = entries("/formats/sequential.keras");
    private static final String[] FUZZED = {null, KerasArchive.CONFIG, KerasArchive.WEIGHTS};

    @FuzzTest(maxDuration = "10m")
    void anyKerasLoadsOrGivesAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String fuzzed = FUZZED[(data[0] & 0xff) % FUZZED.length];
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        FormatFuzzing.write(FILE, fuzzed == null ? rest : zip(fuzzed, rest));
        FormatFuzzing.readOrRefuse(FILE, FORMAT);
    }

    /** The base archive's entries with {@code name} holding {@code bytes}. */
    private static byte[] zip(String name, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : BASE.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals(name) ? bytes : e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(String resource) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = KerasZipFuzzTest.class.getResourceAsStream(resource);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
