package org.sieve.network.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.common.TfjsFiles;

/**
 * The models Sieve offers by id: every subfolder holding model.json in the bundled models folder
 * and in any extra folders. The folders are read on each call, so models added meanwhile appear.
 */
public final class ModelCatalogue {

    private final List<Path> folders;

    /** The bundled models only. */
    public ModelCatalogue() {
        this(defaultFolder(), List.of());
    }

    /** @param extraFolders further folders of model folders; on an id clash the earlier folder wins */
    public ModelCatalogue(Path bundledFolder, List<Path> extraFolders) {
        List<Path> all = new ArrayList<>();
        all.add(bundledFolder);
        all.addAll(extraFolders);
        this.folders = List.copyOf(all);
    }

    /** {@code <sieve.home>/assets/models}, sieve.home being the system property or else the working directory. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("sieve.home", "."), "assets", "models");
    }

    /** A model folder that cannot be used, with the reason: listed, while the others keep working. */
    public record Broken(Path dir, String reason) {
    }

    /** Every model's metadata, checked against its model.json, in folder then name order. */
    public List<ModelMetadata> list() {
        return byId().values().stream().map(Entry::metadata).toList();
    }

    /**
     * The model with this id, or the model in this folder or file, whatever its format (recognised
     * by content, see {@link ModelFormats}).
     */
    public Model resolve(String idOrPath) {
        Map<String, Entry> models = byId();
        Entry entry = models.get(idOrPath);
        if (entry != null) {
            return ModelStore.load(entry.dir());
        }
        Path path = asPath(idOrPath);
        if (path != null && Files.exists(path)) {
            return ModelFormats.open(path);
        }
        for (Broken b : broken()) {
            if (b.dir().getFileName().toString().equals(idOrPath)) {
                throw new SieveException(b.reason());
            }
        }
        throw new SieveException("Unknown model '" + idOrPath + "'. Available: "
                + (models.isEmpty() ? "none in " + folders : String.join(", ", models.keySet()))
                + ". A path to a folder holding model.json (or to the model.json file) also works, as does a model"
                + " file: " + ModelFormats.opened() + ".");
    }

    /** The model folders whose model.json or sieve.json cannot be read, in folder then name order. */
    public List<Broken> broken() {
        List<Broken> broken = new ArrayList<>();
        for (Path folder : folders) {
            for (Path dir : modelFolders(folder)) {
                try {
                    ModelStore.readMetadata(dir);
                } catch (SieveException e) {
                    broken.add(new Broken(dir, e.getMessage()));
                }
            }
        }
        return broken;
    }

    /** The folder of the model with this id, or null. */
    public Path folderOf(String id) {
        Entry e = byId().get(id);
        return e == null ? null : e.dir();
    }

    public List<Path> folders() {
        return folders;
    }

    private record Entry(ModelMetadata metadata, Path dir) {
    }

    private Map<String, Entry> byId() {
        Map<String, Entry> models = new LinkedHashMap<>();
        for (Path folder : folders) {
            for (Path dir : modelFolders(folder)) {
                try {
                    ModelMetadata m = ModelStore.readMetadata(dir);
                    models.putIfAbsent(m.id(), new Entry(m, dir));
                } catch (SieveException broken) {
                    // Listed by broken(); one damaged folder must not hide the others.
                }
            }
        }
        return models;
    }

    private static List<Path> modelFolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(d -> Files.isRegularFile(d.resolve(TfjsFiles.MODEL_JSON))).sorted().toList();
        } catch (IOException e) {
            throw new SieveException("Cannot list models in " + folder + " (" + e.getMessage()
                    + "). Check that the folder is readable.", e);
        }
    }

    private static Path asPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
