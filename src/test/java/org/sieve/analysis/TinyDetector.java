package org.sieve.analysis;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.image.ModelInput;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Activation;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.ModelStore;

/**
 * A small saved layers network with a heatmap: input -> {@code heat} (1x1 convolution to 3 classes,
 * {@code heat[y][x][k] = sum_c pixel[c] * weight(c, k) + bias(k)}) -> global average -> dense logits.
 */
public final class TinyDetector {

    public static final List<String> LABELS = List.of("a", "b", "c");

    private TinyDetector() {
    }

    public static float weight(int channel, int k) {
        return ((channel * 3 + k + 3) % 5 - 2) * 0.5f;
    }

    public static float bias(int k) {
        return 0.1f * k;
    }

    /** Saves it as {@code kind} (labels unless a feature extractor) into {@code parent}/tiny-KIND and loads it. */
    public static Model save(Path parent, ModelKind kind, int size, int channels) {
        float[] w = new float[channels * 3];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < 3; k++) {
                w[c * 3 + k] = weight(c, k);
            }
        }
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        weights.put("heat/kernel", new WeightTensor(new long[] {1, 1, channels, 3}, w));
        weights.put("heat/bias", new WeightTensor(new long[] {3}, new float[] {bias(0), bias(1), bias(2)}));
        weights.put("logits/kernel", new WeightTensor(new long[] {3, 3}, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}));
        weights.put("logits/bias", new WeightTensor(new long[] {3}, new float[3]));
        Network n = new Network(List.of(new InputLayer("input", size, size, channels),
                new Conv2D("heat", List.of("input"), 3, new int[] {1, 1}, new int[] {1, 1}, "same", new int[] {1, 1},
                        true, Activation.LINEAR),
                new GlobalPooling2D("gap", List.of("heat"), false),
                new Dense("logits", List.of("gap"), 3, true, Activation.LINEAR)), weights);
        float[] std = new float[channels];
        java.util.Arrays.fill(std, 1f);
        ModelMetadata m = new ModelMetadata("tiny-" + kind.type().json(), "Tiny " + kind.type().json(), "test", null,
                kind.predicts() ? LABELS : List.of(), new ModelInput(size, size, channels), new float[channels], std,
                null, null,
                n.parameterCount(), new JsonObject(), null, null, null, kind);
        Path dir = parent.resolve(m.id());
        ModelStore.save(ModelStore.inMemory(n, m), dir);
        return ModelStore.load(dir);
    }

    /** What the detector's class scores must be for {@code pixels} (HWC): per class, the heatmap's maximum. */
    public static float[] expectedScores(float[] pixels, int channels) {
        float[] best = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int pos = 0; pos < pixels.length / channels; pos++) {
            for (int k = 0; k < 3; k++) {
                float heat = bias(k);
                for (int c = 0; c < channels; c++) {
                    heat += pixels[pos * channels + c] * weight(c, k);
                }
                best[k] = Math.max(best[k], heat);
            }
        }
        return best;
    }
}
