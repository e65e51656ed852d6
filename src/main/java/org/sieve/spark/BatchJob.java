package org.sieve.spark;

import com.google.gson.Gson;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;
import org.sieve.network.format.ModelFormats;
import org.sieve.service.BatchRunner;

/**
 * What an executor needs to analyse a batch's images, in a form Spark ships to it: the model's
 * location (each executor reads it once) and fingerprint, and every argument that shapes a result.
 *
 * @param model    the model's folder or file, as the executors see it
 * @param settings the resolved {@link DiscardingSettings} as JSON
 * @param region   x, y, width, height of {@code --region}, or null
 * @param cache    whether executors go through their machine's result cache
 */
record BatchJob(String model, String modelSha256, String images, List<String> layers, boolean autoMask,
        String settings, ResizeMode resize, int[] region, boolean cache) implements Serializable {

    private static final Gson GSON = new Gson();

    static BatchJob of(BatchRunner.Spec spec, Path model, boolean cache) {
        RequestedRegion r = spec.region();
        return new BatchJob(model.toAbsolutePath().toString(), spec.model().sha256(),
                spec.images().toAbsolutePath().toString(), List.copyOf(spec.layers()), spec.autoMask(),
                GSON.toJson(spec.settings()), spec.resize(),
                r == null ? null : new int[] {r.x(), r.y(), r.width(), r.height()}, cache);
    }

    /** Reads the model where the driver found it and checks it is the same one, byte for byte. */
    Model openModel() {
        Model m = ModelFormats.open(Path.of(model));
        if (!m.sha256().equals(modelSha256)) {
            throw new SieveException("The model at " + model + " on this executor differs from the driver's (SHA-256 "
                    + m.sha256() + ", not " + modelSha256 + "). Give every machine the same model files.");
        }
        return m;
    }

    /** The batch as {@link BatchRunner#request} takes it; the output folder travels with each image. */
    BatchRunner.Spec spec(Model m) {
        return new BatchRunner.Spec(m, Path.of(images), null, layers, autoMask, 0,
                GSON.fromJson(settings, DiscardingSettings.class), resize,
                region == null ? null : new RequestedRegion(region[0], region[1], region[2], region[3]));
    }
}
