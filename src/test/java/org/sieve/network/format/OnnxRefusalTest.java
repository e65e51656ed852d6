package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.format.onnx.OnnxReader;

/** Every way an ONNX file is refused: exit code 3, one message naming the file and the culprit. */
class OnnxRefusalTest {

    @TempDir
    Path tmp;

    @Test
    void unknownOpIsRefusedEvenWhenNotConnectedToTheOutput() throws IOException {
        NodeProto side = NodeProto.newBuilder().setName("exfiltrate").setOpType("Multinomial").addInput("x")
                .addOutput("s").build();
        assertRefused(write(graph(relu(), side), 13), "node 'exfiltrate' (Multinomial)");
    }

    @Test
    void customDomainOpIsRefusedByNodeAndDomain() throws IOException {
        NodeProto custom = NodeProto.newBuilder().setName("reader").setDomain("com.example").setOpType("ReadFile")
                .addInput("x").addOutput("y").build();
        assertRefused(write(graph(custom), 13), "node 'reader' (com.example.ReadFile)");
    }

    @Test
    void opsetOutsideNineToSeventeenIsRefused() throws IOException {
        assertRefused(write(graph(relu()), 20), "opset 20");
        assertRefused(write(graph(relu()), 7), "opset 7");
    }

    @Test
    void externalDataOutsideTheModelFolderIsRefused() throws IOException {
        Files.write(tmp.resolve("secret.bin"), new byte[4 * 4 * 3 * 3 * 3]);
        Path models = Files.createDirectories(tmp.resolve("models"));
        TensorProto w = external("../secret.bin");
        assertRefused(write(models, graph(w, conv()), 13), "outside the model's folder");
    }

    @Test
    void externalDataLinkedOutOfTheModelFolderIsRefused() throws IOException {
        Path secret = Files.write(tmp.resolve("secret.bin"), new byte[4 * 4 * 3 * 3 * 3]);
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.createSymbolicLink(models.resolve("weights.bin"), secret);
        assertRefused(write(models, graph(external("weights.bin"), conv()), 13), "links outside");
    }

    @Test
    void nonFiniteWeightIsRefusedNamingTheTensor() throws IOException {
        float[] v = new float[4 * 3 * 3 * 3];
        v[17] = Float.NaN;
        assertRefused(write(graph(floats("conv.weight", v, 4, 3, 3, 3), conv()), 13), "tensor 'conv.weight' holds NaN");
    }

    @Test
    void declaredShapeThatOverflowsIsRefusedBeforeAllocating() throws IOException {
        TensorProto huge = TensorProto.newBuilder().setName("conv.weight").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(List.of(1L << 40, 1L << 40, 3L, 3L)).build();
        assertRefused(write(graph(huge, conv()), 13), "tensor 'conv.weight' declares shape");
    }

    @Test
    void declaredShapeLargerThanItsDataIsRefusedBeforeAllocating() throws IOException {
        TensorProto huge = TensorProto.newBuilder().setName("conv.weight").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1L << 28).setRawData(com.google.protobuf.ByteString.copyFrom(new byte[4])).build();
        Path file = write(graph(huge, conv()), 13);
        long allocated = Allocations.during(() -> assertRefused(file, "holds 4 bytes where its shape needs 1073741824"));
        assertTrue(allocated < 64 << 20, "allocated " + allocated + " bytes for a " + Files.size(file) + "-byte file");
    }

    @Test
    void externalDataThatIsAPipeIsRefusedWithoutWaiting() throws IOException, InterruptedException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        assertEquals(0, new ProcessBuilder("mkfifo", models.resolve("weights.bin").toString()).start().waitFor());
        Path file = write(models, graph(external("weights.bin"), conv()), 13);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertRefused(file, "not a regular file"));
    }

    @Test
    void bytesThatAreNotOnnxAreRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("model.onnx"), "PK\u0003\u0004 not a protobuf \uffff");
        assertRefused(file, "not a readable ONNX file");
    }

    @Test
    void inputWithoutAFixedSizeIsRefused() throws IOException {
        ModelProto m = model(graph(relu()).toBuilder().setInput(0, image("x", -1)).build(), 13);
        Path file = tmp.resolve("dynamic.onnx");
        Files.write(file, m.toByteArray());
        assertRefused(file, "fixed input size");
    }

    @Test
    void controlCharacterInANameIsRefusedBeforeAMessageQuotesIt() throws IOException {
        NodeProto side = NodeProto.newBuilder().setName("side\n\u001b[31m").setOpType("Loop").addInput("x")
                .addOutput("s").build();
        assertRefused(write(graph(relu(), side), 13), "a node names \"side\\n\\u001b[31m\" holds a control character");
        NodeProto reads = relu().toBuilder().setInput(0, "x\r").build();
        assertRefused(write(graph(reads), 13), "a node reads \"x\\r\"");
        NodeProto csi = relu().toBuilder().setName("relu\u009b31m").build();
        assertRefused(write(graph(csi), 13), "a node names \"relu\\u009b31m\"");
    }

    @Test
    void nodeWithoutOutputIsRefused() throws IOException {
        assertRefused(write(graph(relu().toBuilder().clearOutput().build()), 13), "node #0 (Relu) has no output");
    }

    static void assertRefused(Path file, String fragment) {
        SieveException e = assertThrows(SieveException.class, () -> OnnxReader.read(file));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }

    private Path write(GraphProto g, int opset) throws IOException {
        return write(tmp, g, opset);
    }

    static Path write(Path dir, GraphProto g, int opset) throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.write(file, model(g, opset).toByteArray());
        return file;
    }

    static ModelProto model(GraphProto g, int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("OnnxRefusalTest")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(opset)).setGraph(g).build();
    }

    static GraphProto graph(Object... parts) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(image("x", 8)).addOutput(image("y", 8));
        for (Object p : parts) {
            if (p instanceof NodeProto n) {
                g.addNode(n);
            } else {
                g.addInitializer((TensorProto) p);
            }
        }
        return g.build();
    }

    static NodeProto relu() {
        return NodeProto.newBuilder().setName("relu").setOpType("Relu").addInput("x").addOutput("y").build();
    }

    private static NodeProto conv() {
        return NodeProto.newBuilder().setName("conv").setOpType("Conv").addInput("x")
                .addInput("conv.weight").addInput("").addOutput("y").build();
    }

    static TensorProto floats(String name, float[] v, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float f : v) {
            t.addFloatData(f);
        }
        return t.build();
    }

    /** The conv's weight [4, 3, 3, 3] stored in an external file. */
    private static TensorProto external(String location) {
        return TensorProto.newBuilder().setName("conv.weight").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(List.of(4L, 3L, 3L, 3L)).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
    }

    /** A float image [1, 3, side, side]; side -1 leaves height and width unknown. */
    static ValueInfoProto image(String name, int side) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : new long[] {1, 3, side, side}) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("size")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
