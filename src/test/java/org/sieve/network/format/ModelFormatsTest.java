package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sieve.network.format.KerasFilesTest.FIXTURES;
import static org.sieve.network.format.KerasFilesTest.assertRefused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.model.Model;

/** Every format is told by content, and each one Sieve does not read is refused saying what to do. */
class ModelFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void sieveFoldersAndTheirModelJson() {
        Path dir = tmp.resolve("tiny");
        ModelStore.save(ModelStore.inMemory(ModelStoreTest.classifier(1), ModelStoreTest.metadata("tiny")), dir);
        assertEquals(ModelFormats.SIEVE_FOLDER, ModelFormats.recognise(dir));
        assertEquals(ModelFormats.SIEVE_FOLDER, ModelFormats.recognise(dir.resolve("model.json")));
        assertEquals("tiny", ModelFormats.open(dir.resolve("model.json")).id());
    }

    @Test
    void onnxExportedByPytorchIsRecognisedAndRead() throws IOException {
        Path onnx = Files.copy(FIXTURES.resolve("tiny.onnx"), tmp.resolve("tiny.bin"));
        assertEquals("ONNX", ModelFormats.recognise(onnx).name());
        Model model = ModelFormats.open(onnx);
        assertEquals("tiny", model.id());
        assertFalse(model.network().analysableLayers().isEmpty());
    }

    @Test
    void pytorchFilesAreRefusedWithTheExportHint() {
        for (String name : new String[] {"torchscript.pt", "pytorch-state-dict.pth", "pytorch-legacy.pth"}) {
            assertEquals("PyTorch TorchScript or pickle (.pt, .pth)",
                    ModelFormats.recognise(FIXTURES.resolve(name)).name(), name);
            assertRefused(FIXTURES.resolve(name), "export to ONNX with torch.onnx.export");
        }
    }

    @Test
    void kerasWeightsOnlyIsRefused() {
        assertRefused(FIXTURES.resolve("weights-only.h5"), "holds weights but no architecture");
    }

    @Test
    void tfliteIsRefused() throws IOException {
        byte[] flatbuffer = new byte[64];
        System.arraycopy("TFL3".getBytes(StandardCharsets.US_ASCII), 0, flatbuffer, 4, 4);
        Path file = Files.write(tmp.resolve("detector"), flatbuffer);
        assertRefused(file, "recognised as TensorFlow Lite (TFL3), which Sieve does not open");
    }

    @Test
    void savedModelFoldersAndTheirProtobufAreRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("exported").resolve("variables"));
        // SavedModel: saved_model_schema_version = 1, one MetaGraphDef holding an empty MetaInfoDef.
        byte[] savedModel = {0x08, 0x01, 0x12, 0x02, 0x0a, 0x00};
        Path pb = Files.write(dir.getParent().resolve("saved_model.pb"), savedModel);
        assertRefused(dir.getParent(), "tf_saved_model");
        assertEquals("TensorFlow SavedModel", ModelFormats.recognise(pb).name());
    }

    @Test
    void frozenGraphDefIsRecognised() throws IOException {
        // GraphDef { node { name: "x" op: "Placeholder" } versions { producer: 1 } }
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        node.write(new byte[] {0x0a, 1, 'x', 0x12, 11});
        node.write("Placeholder".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        graph.write(0x0a);
        graph.write(node.size());
        node.writeTo(graph);
        graph.write(new byte[] {0x22, 2, 0x08, 1});
        Path pb = Files.write(tmp.resolve("frozen.onnx"), graph.toByteArray());
        assertEquals("frozen TensorFlow GraphDef (.pb)", ModelFormats.recognise(pb).name());
        // Recognised by content, then read by the GraphDef reader: a lone placeholder has nothing to analyse.
        assertRefused(pb, "frozen.onnx");
    }

    @Test
    void tfjsGraphModelIsRecognisedAsFileAndFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("emotion"));
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"graph-model\", \"modelTopology\": {\"node\": []},"
                + " \"weightsManifest\": []}");
        assertEquals("TensorFlow.js graph model", ModelFormats.recognise(dir).name());
        assertEquals("TensorFlow.js graph model", ModelFormats.recognise(dir.resolve("model.json")).name());
    }

    @Test
    void unknownFilesNameTheFileAndTheFormatsSieveOpens() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.h5"), "just some notes\n");
        SieveException e = assertThrows(SieveException.class, () -> ModelFormats.open(text));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("Model " + text + ": not a model file Sieve recognises"), e.getMessage());
        assertTrue(e.getMessage().contains("Sieve opens: TensorFlow.js layers model (folder or model.json),"
                + " Keras 3 .keras, Keras 2 .h5 (whole model), ONNX, TensorFlow.js graph model, frozen TensorFlow"
                + " GraphDef (.pb)."), e.getMessage());
        assertRefused(Files.createDirectories(tmp.resolve("empty")), "not a model folder Sieve recognises");
        Path missing = tmp.resolve("missing.keras");
        assertTrue(assertThrows(SieveException.class, () -> ModelFormats.open(missing)).getMessage()
                .contains("no such file or folder"));
    }
}
