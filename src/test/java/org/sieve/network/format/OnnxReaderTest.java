package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.format.onnx.OnnxReader;

class OnnxReaderTest {

    @Test
    void printsLayers() throws IOException {
        Path file = Path.of(System.getProperty("onnx.file", "target/onnx/small.onnx"));
        long t0 = System.nanoTime();
        Network net = OnnxReader.read(file);
        System.out.println("read ms " + (System.nanoTime() - t0) / 1e6);
        for (Layer l : net.layers()) {
            System.out.println(l.kind() + " " + l.name() + " " + l.inputs());
        }
        JsonObject ref = JsonParser.parseString(Files.readString(Path.of(file.toString().replace(".onnx", ".reference.json"))))
                .getAsJsonObject();
        var in = net.input();
        float[] x = new float[in.height() * in.width() * in.channels()];
        for (int y = 0; y < in.height(); y++) {
            for (int z = 0; z < in.width(); z++) {
                for (int c = 0; c < in.channels(); c++) {
                    x[(y * in.width() + z) * in.channels() + c] = (float) (0.5 + 0.5 * Math.sin(0.37 * y + 0.23 * z + 1.1 * c));
                }
            }
        }
        Map<String, float[]> out = FormatFixtures.outputs(net, x);
        float[] y = out.get(net.output().name());
        JsonArray v = ref.getAsJsonObject("output").getAsJsonArray("values");
        double max = 0, diff = 0;
        for (int i = 0; i < v.size(); i++) {
            max = Math.max(max, Math.abs(v.get(i).getAsDouble()));
            diff = Math.max(diff, Math.abs(v.get(i).getAsDouble() - y[i * ref.getAsJsonObject("output").get("step").getAsInt()]));
        }
        System.out.println("output rel diff " + diff / max);
    }
}
