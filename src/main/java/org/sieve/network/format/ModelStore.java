package org.sieve.network.format;

import java.nio.file.Path;
import java.util.Map;
import org.sieve.network.Network;

/** Loads and saves a model folder: model.json, its shards and sieve.json. */
public final class ModelStore {

    private ModelStore() {
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
        MetadataCheck.check(model.metadata(), model.network(), dir.resolve(SieveJson.FILE));
        TfjsFiles files = TfjsLayersFormat.encode(model.network());
        Map<String, byte[]> out = files.shardFiles();
        out.put(SieveJson.FILE, SieveJson.encode(model.metadata()));
        out.put(TfjsFiles.MODEL_JSON, files.modelJson());
        AtomicFolderWrite.write(dir, out, TfjsFiles.SHARD_NAME);
    }
}
