package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.format.graph.GraphDefReader;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/** Every way a TensorFlow graph model is refused: exit code 3, one line naming the file and the culprit. */
class GraphModelRefusalTest {

    @TempDir
    Path tmp;

    /** The emotion model with {@code edit} applied to its JSON, written with its shard into a fresh folder. */
    private Path emotionWith(java.util.function.Consumer<JsonObject> edit) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(GraphModelReaderTest.EMOTION)).getAsJsonObject();
        edit.accept(root);
        Path dir = Files.createDirectories(tmp.resolve("model"));
        Files.copy(GraphModelReaderTest.EMOTION.resolveSibling("emotion.bin"), dir.resolve("emotion.bin"));
        Path file = dir.resolve("model.json");
        Files.writeString(file, root.toString());
        return file;
    }

    private static JsonObject node(String name, String op, String input) {
        JsonObject n = new JsonObject();
        n.addProperty("name", name);
        n.addProperty("op", op);
        JsonArray in = new JsonArray();
        in.add(input);
        n.add("input", in);
        return n;
    }

    @Test
    void fileOpIsRefusedEvenWhenNotConnectedToTheOutput() throws IOException {
        Path file = emotionWith(r -> r.getAsJsonObject("modelTopology").getAsJsonArray("node")
                .add(node("steal", "ReadFile", "input_1")));
        assertRefused(file, () -> GraphDefReader.readTfjs(file), "node 'steal' (ReadFile)");
    }

    @Test
    void pythonOpsAreRefusedEvenOffThePath() throws IOException {
        Path file = emotionWith(r -> {
            JsonArray nodes = r.getAsJsonObject("modelTopology").getAsJsonArray("node");
            nodes.add(node("py", "PyFunc", "input_1"));
            nodes.add(node("loop", "Enter", "input_1"));
        });
        assertRefused(file, () -> GraphDefReader.readTfjs(file), "node 'py' (PyFunc). Sieve");
    }

    /** A loop is read but never built: refused when the output the user names is computed through it. */
    @Test
    void loopOnThePathOfTheNamedOutputIsRefusedInWords() throws IOException {
        Path file = emotionWith(r -> r.getAsJsonObject("modelTopology").getAsJsonArray("node")
                .add(node("loop", "Enter", "StatefulPartitionedCall/model_1/predictions/Softmax")));
        assertRefused(file, () -> GraphDefReader.readTfjs(file, "loop"), "computed through node 'loop' (Enter), part of a loop or a"
                + " conditional inside the graph. Sieve follows gradients, so this is Sieve's limit");
        assertTrue(GraphDefReader.readTfjs(file).output().name().endsWith("Softmax"));
    }

    @Test
    void shardOutsideTheModelFolderIsRefused() throws IOException {
        Path file = emotionWith(r -> r.getAsJsonArray("weightsManifest").get(0).getAsJsonObject()
                .getAsJsonArray("paths").set(0, new com.google.gson.JsonPrimitive("../emotion.bin")));
        Files.copy(GraphModelReaderTest.EMOTION.resolveSibling("emotion.bin"), tmp.resolve("emotion.bin"));
        assertRefused(file, () -> GraphDefReader.readTfjs(file), "outside the model folder");
    }

    @Test
    void shardLinkedOutOfTheModelFolderIsRefused() throws IOException {
        Path file = emotionWith(r -> { });
        Path outside = Files.copy(file.resolveSibling("emotion.bin"), tmp.resolve("elsewhere.bin"));
        Files.delete(file.resolveSibling("emotion.bin"));
        Files.createSymbolicLink(file.resolveSibling("emotion.bin"), outside);
        assertRefused(file, () -> GraphDefReader.readTfjs(file), "links outside");
    }

    @Test
    void infiniteWeightIsRefusedNamingIt() throws IOException {
        Path file = emotionWith(r -> { });
        byte[] bytes = Files.readAllBytes(file.resolveSibling("emotion.bin"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(8, Float.POSITIVE_INFINITY);
        Files.write(file.resolveSibling("emotion.bin"), bytes);
        assertRefused(file, () -> GraphDefReader.readTfjs(file), "weight 'unknown_26' holds Infinity");
    }

    @Test
    void frozenGraphWithFunctionCallIsRefused() throws IOException {
        GraphDef g = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder"))
                .addNode(NodeDef.newBuilder().setName("call").setOp("StatefulPartitionedCall").addInput("x")).build();
        Path file = tmp.resolve("frozen.pb");
        Files.write(file, g.toByteArray());
        assertRefused(file, () -> GraphDefReader.readFrozen(file, null), "node 'call' (StatefulPartitionedCall)");
    }

    @Test
    void controlCharacterInANameIsRefusedBeforeAMessageQuotesIt() throws IOException {
        GraphDef g = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder"))
                .addNode(NodeDef.newBuilder().setName("call\n\u001b]0;").setOp("PyFunc").addInput("x")).build();
        Path file = tmp.resolve("frozen.pb");
        Files.write(file, g.toByteArray());
        assertRefused(file, () -> GraphDefReader.readFrozen(file, null), "a node names \"call\\n\\u001b]0;\"");
        Path json = emotionWith(r -> r.getAsJsonObject("modelTopology").getAsJsonArray("node").get(24).getAsJsonObject()
                .getAsJsonArray("input").set(0, new com.google.gson.JsonPrimitive("in\u0007")));
        assertRefused(json, () -> GraphDefReader.readTfjs(json), "a node reads \"in\\u0007\"");
    }

    @Test
    void constantRepeatingOneValueOverAHugeShapeIsRefusedBeforeAllocating() throws IOException {
        org.tensorflow.proto.TensorProto splat = org.tensorflow.proto.TensorProto.newBuilder()
                .setDtype(org.tensorflow.proto.DataType.DT_FLOAT).addFloatVal(0f).setTensorShape(
                        org.tensorflow.proto.TensorShapeProto.newBuilder().addDim(
                                org.tensorflow.proto.TensorShapeProto.Dim.newBuilder().setSize(1L << 28))).build();
        org.tensorflow.proto.TensorShapeProto image = org.tensorflow.proto.TensorShapeProto.newBuilder()
                .addDim(dim(1)).addDim(dim(8)).addDim(dim(8)).addDim(dim(1)).build();
        GraphDef g = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder").putAttr("shape",
                        org.tensorflow.proto.AttrValue.newBuilder().setShape(image).build()))
                .addNode(NodeDef.newBuilder().setName("b").setOp("Const").putAttr("value",
                        org.tensorflow.proto.AttrValue.newBuilder().setTensor(splat).build()))
                .addNode(NodeDef.newBuilder().setName("add").setOp("BiasAdd").addInput("x").addInput("b")).build();
        Path file = tmp.resolve("frozen.pb");
        Files.write(file, g.toByteArray());
        // TensorFlow's first start allocates on this thread too; it is not the file's doing.
        GraphDefReader.readTfjs(GraphModelReaderTest.EMOTION);
        long allocated = Allocations.during(() -> assertRefused(file, () -> GraphDefReader.readFrozen(file, null),
                "repeats its 1 stored values"));
        assertTrue(allocated < 64 << 20, "allocated " + allocated + " bytes for a " + Files.size(file) + "-byte file");
    }

    @Test
    void constantWithoutAValueIsRefused() throws IOException {
        Path file = HostileModels.frozenGraph(tmp.resolve("frozen.pb"), g -> g.getNodeBuilderList().stream()
                .filter(n -> n.getName().equals("Const")).findFirst().orElseThrow().removeAttr("value"));
        assertRefused(file, () -> GraphDefReader.readFrozen(file, null), "node 'Const' (Const) has no value");
    }

    private static org.tensorflow.proto.TensorShapeProto.Dim dim(long size) {
        return org.tensorflow.proto.TensorShapeProto.Dim.newBuilder().setSize(size).build();
    }

    @Test
    void bytesThatAreNotAGraphAreRefused() throws IOException {
        Path file = Files.write(tmp.resolve("model.pb"), new byte[] {(byte) 0xff, (byte) 0xff, 0x01, 0x02});
        assertRefused(file, () -> GraphDefReader.readFrozen(file, null), "not a readable frozen TensorFlow graph");
    }

    private static void assertRefused(Path file, org.junit.jupiter.api.function.Executable read, String fragment) {
        SieveException e = assertThrows(SieveException.class, read);
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }
}
