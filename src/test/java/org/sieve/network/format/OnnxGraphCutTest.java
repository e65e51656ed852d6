package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sieve.network.format.OnnxRefusalTest.floats;
import static org.sieve.network.format.OnnxRefusalTest.graph;
import static org.sieve.network.format.OnnxRefusalTest.write;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.Network;
import org.sieve.network.format.common.ReadNotes;
import org.sieve.network.format.onnx.OnnxReader;

/**
 * ONNX graphs that end in post-processing or hold control flow: cut before it with a note when
 * Sieve chooses the output, refused when the user names an output computed through it, ignored
 * when off the path; infinity read as a threshold, refused as a weight.
 */
class OnnxGraphCutTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearNotes() {
        ReadNotes.drain();
    }

    @Test
    void postProcessingOnTheOutputIsCutWithANoteNamingTheCutAndTheTensorKept() throws IOException {
        Path file = write(tmp, graph(node("relu", "Relu", "r", "x"), node("pick", "ArgMax", "y", "r")), 13);
        Network net = OnnxReader.read(file);
        assertEquals("relu", net.output().name());
        List<String> notes = ReadNotes.drain();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("(ArgMax), post-processing that picks or sorts values")
                && notes.get(0).contains("Sieve analyses 'r'"), notes.get(0));
    }

    @Test
    void anOutputNamedThroughPostProcessingIsRefusedNamingIt() throws IOException {
        Path file = write(tmp, graph(node("relu", "Relu", "r", "x"), node("pick", "TopK", "y", "r", "k")), 13);
        assertRefusedAt(file, "y", "(TopK), post-processing that picks or sorts values");
    }

    @Test
    void aLoopOffThePathIsReadAndOnTheNamedPathRefused() throws IOException {
        GraphProto off = graph(node("relu", "Relu", "y", "x"), node("loop", "Loop", "s", "x"));
        assertEquals("relu", OnnxReader.read(write(tmp, off, 13)).output().name());
        assertTrue(ReadNotes.drain().isEmpty());

        Path on = write(tmp, graph(node("relu", "Relu", "r", "x"), node("loop", "Loop", "y", "r")), 13);
        assertRefusedAt(on, "y", "(Loop), part of a loop or a conditional inside the graph");
        assertEquals("relu", OnnxReader.read(on).output().name());
        assertTrue(ReadNotes.drain().get(0).contains("Sieve analyses 'r'"));
    }

    @Test
    void ofSeveralOutputsTheOneNoPostProcessingComputesIsAnalysedWithANote() throws IOException {
        GraphProto g = graph(node("relu", "Relu", "y", "x"), node("pick", "ArgMax", "index", "y")).toBuilder()
                .addOutput(OnnxRefusalTest.image("index", 8)).build();
        assertEquals("relu", OnnxReader.read(write(tmp, g, 13)).output().name());
        String note = ReadNotes.drain().get(0);
        assertTrue(note.contains("has 2 outputs (y, index); Sieve analyses 'y'"), note);
    }

    @Test
    void anOutputThatNoNodeComputesIsRefusedAsDamage() throws IOException {
        GraphProto g = graph(node("relu", "Relu", "y", "x")).toBuilder().addOutput(OnnxRefusalTest.image("extra", 8))
                .build();
        OnnxRefusalTest.assertRefused(write(tmp, g, 13), "has 2 outputs, and no node computes 'extra'");
    }

    @Test
    void infinityIsReadAsAThresholdAndRefusedAsAWeight() throws IOException {
        GraphProto threshold = graph(floats("floor", new float[] {Float.NEGATIVE_INFINITY}, 1),
                node("relu", "Relu", "r", "x"), node("floor", "Max", "y", "r", "floor"));
        assertEquals("floor", OnnxReader.read(write(tmp, threshold, 13)).output().name());

        GraphProto weight = graph(floats("shift", new float[] {Float.POSITIVE_INFINITY}, 1),
                node("relu", "Relu", "r", "x"), node("shift", "Add", "y", "r", "shift"));
        OnnxRefusalTest.assertRefused(write(tmp, weight, 13), "tensor 'shift' holds Infinity at index 0");
    }

    private static NodeProto node(String name, String op, String output, String... inputs) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(List.of(inputs)).addOutput(output).build();
    }

    private static void assertRefusedAt(Path file, String output, String fragment) {
        SieveException e = assertThrows(SieveException.class, () -> OnnxReader.read(file, output));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("Sieve's limit, not the file's fault")
                && e.getMessage().contains("--output TENSOR"), e.getMessage());
    }
}
