package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;

/**
 * Reference values written by a model's own runtime (PyTorch, TensorFlow.js) beside the model:
 * the probe input's formula, the final output and some inner tensors, each sampled every
 * {@code step} flat values in the writer's layout (channels first for PyTorch).
 */
record WriterReference(JsonObject json) {

    static WriterReference read(Path file) throws IOException {
        return new WriterReference(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
    }

    /** x[c, y, x] = 0.5 + 0.5 sin(0.37 y + 0.23 x + 1.1 c), channels last: what the scripts feed. */
    static float[] probeInput(InputLayer in) {
        float[] v = new float[in.height() * in.width() * in.channels()];
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                for (int c = 0; c < in.channels(); c++) {
                    v[(y * in.width() + x) * in.channels() + c] =
                            (float) (0.5 + 0.5 * Math.sin(0.37 * y + 0.23 * x + 1.1 * c));
                }
            }
        }
        return v;
    }

    /**
     * Largest difference between Sieve's tensor and the writer's, relative to the writer's largest
     * magnitude, after checking the shape; {@code channelsFirst} when the writer's 4-D tensors are NCHW.
     */
    double relativeDifference(String key, float[] sieve, long[] sieveShape, boolean channelsFirst) {
        JsonObject t = key.equals("output") ? json.getAsJsonObject("output") : json.getAsJsonObject("inner").getAsJsonObject(key);
        long[] shape = longs(t.getAsJsonArray("shape"));
        boolean nchw = channelsFirst && shape.length == 4;
        long[] expected = nchw ? new long[] {shape[0], shape[2], shape[3], shape[1]} : shape;
        assertArrayEquals(expected, sieveShape, key + ": shape");
        int step = t.get("step").getAsInt();
        JsonArray values = t.getAsJsonArray("values");
        double max = 0;
        double diff = 0;
        for (int k = 0; k < values.size(); k++) {
            int i = k * step;
            int at = i;
            if (nchw) {
                int h = (int) shape[2];
                int w = (int) shape[3];
                int c = i / (h * w);
                int y = i / w % h;
                int x = i % w;
                at = (y * w + x) * (int) shape[1] + c;
            }
            double r = values.get(k).getAsDouble();
            max = Math.max(max, Math.abs(r));
            diff = Math.max(diff, Math.abs(r - sieve[at]));
        }
        assertTrue(max > 0, key + ": reference is all zeros");
        return diff / max;
    }

    /** Checks the output and the given inner tensors (reference key to Sieve layer); returns the output's difference. */
    double check(Network network, Map<String, String> inner, boolean channelsFirst, double tolerance) {
        Map<String, float[]> out = FormatFixtures.outputs(network, probeInput(network.input()));
        Map<String, long[]> shapes = org.sieve.network.NetworkShapes.of(network);
        double worst = 0;
        for (Map.Entry<String, String> e : inner.entrySet()) {
            double d = relativeDifference(e.getKey(), out.get(e.getValue()), batch(shapes.get(e.getValue())), channelsFirst);
            assertTrue(d <= tolerance, e.getKey() + " (layer " + e.getValue() + ") differs by " + d + " relative");
            worst = Math.max(worst, d);
        }
        String last = network.output().name();
        double d = relativeDifference("output", out.get(last), batch(shapes.get(last)), channelsFirst);
        assertTrue(d <= tolerance, "final output differs by " + d + " relative");
        return d;
    }

    private static long[] batch(long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static long[] longs(JsonArray a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsLong();
        }
        return v;
    }
}
