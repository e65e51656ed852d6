package org.sieve.network.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;

/**
 * Keras 3's .keras file: a zip holding config.json (the model config), metadata.json and
 * model.weights.h5, where each layer's variables sit at {@code <saving path>/vars/0, 1, ...}
 * (see {@link KerasTopologyReader.Origin#savePath()}). Entries are read in memory, never
 * extracted.
 */
final class KerasArchive extends KerasWeightSource {

    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    private static final int MAX_CONFIG_BYTES = 64 << 20;
    private static final int MAX_WEIGHT_BYTES = Integer.MAX_VALUE - 8;
    /** Keras 2.13 to 2.15 wrote this name where Keras 3 writes "layers". */
    private static final String KERAS_2_LAYERS = "_layer_checkpoint_dependencies";

    private final Hdf5Weights hdf;

    private KerasArchive(Hdf5Weights hdf, String model) {
        super(model);
        this.hdf = hdf;
    }

    static Network read(Path file) {
        String model = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntryNames(zip, model);
            // Keras stores its entries uncompressed: an entry unpacking to much more is a zip bomb.
            long unpacked = Math.min(Hdf5Weights.mostBytesFrom(Files.size(file)), MAX_WEIGHT_BYTES);
            String config = new String(entry(zip, CONFIG, (int) Math.min(unpacked, MAX_CONFIG_BYTES), model),
                    StandardCharsets.UTF_8);
            try (Hdf5Weights hdf = Hdf5Weights.open(entry(zip, WEIGHTS, (int) unpacked, model), model + "!" + WEIGHTS)) {
                KerasArchive reader = new KerasArchive(hdf, model);
                return reader.network(reader.parse(config, CONFIG));
            }
        } catch (ZipException e) {
            throw new SieveException("Model " + model + ": not a readable zip (" + e.getMessage()
                    + "). The .keras file is damaged; save the model again.", e);
        } catch (IOException e) {
            throw new SieveException("Model " + model + ": cannot read it (" + e.getMessage()
                    + "). Check that the file is readable.", e);
        }
    }

    /** Paths inside a model must stay inside it, even though Sieve never extracts them. */
    private static void checkEntryNames(ZipFile zip, String model) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            boolean outside = name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")
                    || List.of(name.split("[/\\\\]")).contains("..");
            if (outside) {
                throw new SieveException("Model " + model + ": the archive holds entry '" + name
                        + "', a path leading outside it. Sieve refuses such files; save the model again with Keras.");
            }
        }
    }

    private static byte[] entry(ZipFile zip, String name, int limit, String model) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new SieveException("Model " + model + ": the .keras archive has no " + name
                    + ". The file is damaged; save the model again.");
        }
        if (e.getSize() > limit) {
            throw tooLarge(name, e.getSize(), model);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(limit);
            if (in.read() != -1) {
                throw tooLarge(name, limit + 1L, model);
            }
            return bytes;
        }
    }

    private static SieveException tooLarge(String name, long size, String model) {
        return new SieveException("Model " + model + ": " + name + " unpacks to at least " + size
                + " bytes, more than Sieve reads from one entry of this archive (a zip bomb or a damaged file)."
                + " Save the model again with Keras.");
    }

    @Override
    List<WeightTensor> tensors(Layer layer, KerasTopologyReader.Origin origin, List<String> names) {
        String vars = origin.savePath() + "/vars";
        if (!hdf.exists(vars)) {
            vars = origin.savePath().replace("layers", KERAS_2_LAYERS) + "/vars";
        }
        List<WeightTensor> tensors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!hdf.exists(vars + "/" + i)) {
                throw missing(layer, i, names, origin.savePath() + "/vars");
            }
            tensors.add(hdf.tensor(vars + "/" + i));
        }
        return tensors;
    }
}
