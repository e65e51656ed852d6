package org.sieve.network.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sieve.SieveException;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.common.TfjsFiles;
import org.sieve.network.format.common.WeightDecoder;
import org.sieve.network.format.common.WeightsManifest;

/**
 * The TensorFlow.js layers format: model.json (Keras model config plus weights manifest) and
 * little-endian binary shards beside it. The model file is data only; nothing in it is run.
 */
public final class TfjsLayersFormat {

    private TfjsLayersFormat() {
    }

    /** Reads the model in {@code modelDir} (the folder holding model.json). */
    public static Network read(Path modelDir) {
        return decode(TfjsFiles.read(modelDir), modelDir.toString());
    }

    /** Writes model.json and float32 shards into {@code modelDir}, creating it; values are kept bit for bit. */
    public static void write(Network network, Path modelDir) {
        TfjsFiles files = encode(network);
        Map<String, byte[]> out = files.shardFiles();
        out.put(TfjsFiles.MODEL_JSON, files.modelJson());
        AtomicFolderWrite.write(modelDir, out, TfjsFiles.SHARD_NAME);
    }

    static Network decode(TfjsFiles files, String model) {
        List<Layer> layers = KerasTopologyReader.read(files.topology(), model);
        Map<String, WeightTensor> stored = WeightDecoder.decode(files.manifest(), files.groups());
        return new Network(layers, WeightBinder.bind(layers, stored, model));
    }

    /** The files Sieve would write for this network, as bytes (also what its hash is taken over). */
    static TfjsFiles encode(Network network) {
        List<String> names = storageOrder(network);
        long bytes = 4L * names.stream().mapToLong(n -> network.weights().get(n).size()).sum();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new SieveException("The network's weights take " + bytes
                    + " bytes, more than the 2 GB Sieve can write in one weight group.");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = buffer.asFloatBuffer();
        List<WeightsManifest.Entry> entries = new ArrayList<>();
        for (String name : names) {
            WeightTensor w = network.weights().get(name);
            floats.put(w.values());
            entries.add(new WeightsManifest.Entry(name, w.shape().clone(), "float32", null));
        }
        List<WeightsManifest.Group> groups = new ArrayList<>();
        if (!entries.isEmpty()) {
            int shards = (int) ((bytes + TfjsFiles.SHARD_BYTES - 1) / TfjsFiles.SHARD_BYTES);
            List<String> paths = new ArrayList<>();
            for (int s = 1; s <= shards; s++) {
                paths.add("group1-shard" + s + "of" + shards + ".bin");
            }
            groups.add(new WeightsManifest.Group(paths, entries));
        }
        return TfjsFiles.of(KerasTopologyWriter.write(network), new WeightsManifest(groups),
                groups.isEmpty() ? List.of() : List.of(buffer.array()));
    }

    /** Layer by layer in Keras' order, so the bytes do not depend on map iteration; extra weights last. */
    private static List<String> storageOrder(Network network) {
        Set<String> names = new LinkedHashSet<>();
        for (Layer layer : network.layers()) {
            for (String weight : LayerWeights.names(layer)) {
                String key = layer.name() + "/" + weight;
                if (!network.weights().containsKey(key)) {
                    throw new SieveException("Cannot save the network: layer '" + layer.name() + "' ("
                            + layer.kind() + ") has no weight '" + key + "'. Train or load its weights first.");
                }
                names.add(key);
            }
        }
        Set<String> extra = new TreeSet<>(network.weights().keySet());
        extra.removeAll(names);
        names.addAll(extra);
        return new ArrayList<>(names);
    }
}
