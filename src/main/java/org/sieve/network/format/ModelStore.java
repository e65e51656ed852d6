package org.sieve.network.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.common.MetadataCheck;
import org.sieve.network.format.common.TfjsFiles;

/** Loads and saves a model folder: model.json, its shards and sieve.json. */
public final class ModelStore {

    private ModelStore() {
    }

    /** A model built in memory; its hash equals the one it will have once saved here and loaded. */
    public static Model inMemory(Network network, ModelMetadata metadata) {
        return new Model(network, metadata, null, TfjsLayersFormat.encode(network).sha256());
    }

    /** Reads the whole model in {@code dir}; the hash is taken over the bytes as read. */
    public static Model load(Path dir) {
        TfjsFiles files = TfjsFiles.read(dir);
        Network network = TfjsLayersFormat.decode(files, dir.toString());
        ModelCheck.check(network, dir.toString());
        return new Model(network, SieveJson.read(dir, network), dir, files.sha256());
    }

    /** The metadata of the model in {@code dir}, checked against model.json, without reading the weights. */
    public static ModelMetadata readMetadata(Path dir) {
        TfjsFiles.Outline outline = TfjsFiles.readOutline(dir);
        Network layers = new Network(KerasTopologyReader.read(outline.topology(), dir.toString()), Map.of());
        return SieveJson.read(dir, layers, outline.manifest().parameterCount());
    }

    /** Writes all files into {@code dir} at once; model.json goes last, so a reader never sees a partial model. */
    public static void save(Model model, Path dir) {
        write(model, dir, staged -> { });
    }

    /**
     * As {@link #save}, but the staged folder is first read back as {@link #load} reads it, so that
     * nothing is written that a later command would refuse (what {@code sieve import} writes).
     */
    public static void saveReadable(Model model, Path dir) {
        write(model, dir, staged -> {
            try {
                load(staged);
            } catch (SieveException e) {
                throw new SieveException("Nothing was written to " + dir + ": " + e.getMessage().replace(
                        staged.toString(), dir.toString()), e.exitCode(), e);
            }
        });
    }

    private static void write(Model model, Path dir, Consumer<Path> check) {
        MetadataCheck.check(model.metadata(), model.network(), dir.resolve(SieveJson.FILE));
        TfjsFiles files = TfjsLayersFormat.encode(model.network());
        Map<String, byte[]> out = files.shardFiles();
        out.put(SieveJson.FILE, SieveJson.encode(model.metadata()));
        out.put(TfjsFiles.MODEL_JSON, files.modelJson());
        for (String json : List.of(SieveJson.FILE, TfjsFiles.MODEL_JSON)) {
            if (out.get(json).length > TfjsFiles.MAX_JSON_BYTES) {
                throw MetadataCheck.bad(dir.resolve(json), "would hold " + out.get(json).length + " bytes, more than"
                        + " the " + (TfjsFiles.MAX_JSON_BYTES >> 20) + " MB Sieve reads back from it; nothing was"
                        + " written. " + (json.equals(SieveJson.FILE) ? "Use fewer or shorter labels"
                        : "The network is too large for a Sieve model folder"));
            }
        }
        AtomicFolderWrite.write(dir, out, TfjsFiles.SHARD_NAME, check);
    }
}
