package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.Network;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.format.graph.GraphDefReader;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * A TensorFlowOps layer in model.json is data: written and read back as it was, only ops on the
 * reviewed list are built, and folders saved in the earlier forms open (TensorFlowOp) or are
 * refused in one line (SieveOps). The saved folders under formats/saved-op-layers were written by
 * the Sieve of 2026-12-07 (commit f5daae3) with `sieve import --out DIR SOURCE`: "onnx" from
 * formats/onnx/squeeze_excite.onnx, "tfjs-graph" from "tfjs-graph-source" (formats/tiny-graph with
 * a Sin, a Transpose and a Maximum by a stored constant after its ReLU, three TensorFlowOp layers).
 */
class OpGraphJsonTest {

    private static final Path SAVED = Path.of("src/test/resources/formats/saved-op-layers");

    @TempDir
    Path tmp;

    /** Pad by a constant, scale by a weight, then a float constant: every kind of argument. */
    private static OpGraphLayer layer() {
        AttrValue f = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
        OpStep pad = new OpStep("PadV2", List.of(OpStep.Arg.input(0), OpStep.Arg.constant(new long[] {4, 2},
                DataType.DT_INT32, new long[] {0, 0, 1, 1, 1, 1, 0, 8}), OpStep.Arg.weight("c2", new long[0])),
                Map.of("T", f), 0);
        OpStep mul = new OpStep("Mul", List.of(OpStep.Arg.step(0), OpStep.Arg.weight("scale", new long[] {1})), Map.of(), 0);
        OpStep add = new OpStep("AddV2", List.of(OpStep.Arg.step(1), OpStep.Arg.scalar(0.5f)), Map.of(), 0);
        return new OpGraphLayer("pad", List.of("x"), List.of(pad, mul, add));
    }

    private static OpGraphLayer read(JsonObject c, List<String> inputs) {
        return OpGraphJson.read(new KerasConfig(c, "m.json", "pad", OpGraphLayer.KIND), inputs);
    }

    @Test
    void writesAndReadsBackTheSameSteps() {
        JsonObject c = new JsonObject();
        OpGraphJson.write(layer(), c);
        OpGraphLayer back = read(c, List.of("x"));
        assertEquals(layer(), back);
        assertEquals(List.of("c2", "scale"), List.copyOf(back.weights().keySet()));
    }

    @Test
    void anOpThatDoesMoreThanComputeIsRefusedWhenRead() {
        JsonObject c = new JsonObject();
        OpGraphJson.write(layer(), c);
        c.getAsJsonArray("steps").get(1).getAsJsonObject().addProperty("op", "WriteFile");
        SieveException e = assertThrows(SieveException.class, () -> read(c, List.of("x")));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("runs TensorFlow op 'WriteFile', which is not among the ops Sieve computes"),
                e.getMessage());
        assertThrows(SieveException.class, () -> new OpStep("ReadFile", List.of(), Map.of(), 0));
    }

    @Test
    void anArgumentReadingWhatTheLayerLacksIsRefused() {
        JsonObject c = new JsonObject();
        OpGraphJson.write(layer(), c);
        SieveException e = assertThrows(SieveException.class, () -> read(c, List.of()));
        assertTrue(e.getMessage().contains("reads 'in:0', which the layer does not have"), e.getMessage());
        JsonArray args = c.getAsJsonArray("steps").get(1).getAsJsonObject().getAsJsonArray("args");
        args.set(0, new com.google.gson.JsonPrimitive("s:1"));
        e = assertThrows(SieveException.class, () -> read(c, List.of("x")));
        assertTrue(e.getMessage().contains("reads 's:1'"), e.getMessage());
    }

    @Test
    void aFolderSavedWithSingleOpLayersOpensAndComputesWhatAFreshImportComputes() throws IOException {
        Network saved = ModelStore.load(SAVED.resolve("tfjs-graph")).network();
        assertEquals(3, saved.layers().stream().filter(l -> l instanceof OpGraphLayer).count());
        Network fresh = GraphDefReader.readTfjs(SAVED.resolve("tfjs-graph-source/model.json"));
        float[] x = WriterReference.probeInput(fresh.input());
        assertArrayEquals(FormatFixtures.outputs(fresh, x).get(fresh.output().name()),
                FormatFixtures.outputs(saved, x).get(saved.output().name()));
        ImportRoundTrip.assertSavesAndReadsBack(saved, tmp.resolve("again"));
        assertTrue(Files.readString(tmp.resolve("again/model.json")).contains("\"" + OpGraphLayer.KIND + "\""));
    }

    @Test
    void aScalarConstantAnOpReadsIsAWeightOfNoAxes() throws IOException {
        Path source = SAVED.resolve("tfjs-graph-source");
        JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(source.resolve("model.json")))
                .getAsJsonObject();
        for (var node : json.getAsJsonObject("modelTopology").getAsJsonArray("node")) {
            if (node.getAsJsonObject().get("name").getAsString().equals("floor_value")) {
                node.getAsJsonObject().getAsJsonObject("attr").getAsJsonObject("value").getAsJsonObject("tensor")
                        .add("tensorShape", new JsonObject());
            }
        }
        JsonArray weights = json.getAsJsonArray("weightsManifest").get(0).getAsJsonObject().getAsJsonArray("weights");
        weights.get(weights.size() - 1).getAsJsonObject().add("shape", new JsonArray());
        Path scalar = Files.createDirectories(tmp.resolve("scalar"));
        Files.writeString(scalar.resolve("model.json"), json.toString());
        Files.copy(source.resolve("group1-shard1of1.bin"), scalar.resolve("group1-shard1of1.bin"));

        Network net = GraphDefReader.readTfjs(scalar.resolve("model.json"));
        Network vector = GraphDefReader.readTfjs(source.resolve("model.json"));
        float[] x = WriterReference.probeInput(net.input());
        assertArrayEquals(FormatFixtures.outputs(vector, x).get(vector.output().name()),
                FormatFixtures.outputs(net, x).get(net.output().name()));
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve("saved"));
    }

    @Test
    void aFolderSavedWithTheRetiredOnnxFormIsRefusedWithWhatToDo() {
        SieveException e = assertThrows(SieveException.class, () -> ModelStore.load(SAVED.resolve("onnx")));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("form it no longer reads. Import the ONNX file again."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
