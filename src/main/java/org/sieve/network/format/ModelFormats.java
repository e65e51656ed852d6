package org.sieve.network.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.common.NodeNames;
import org.sieve.network.format.graph.GraphDefReader;
import org.sieve.network.format.onnx.OnnxReader;

/**
 * Every model format Sieve knows, in one list, and opening a file or folder by what it holds.
 * Adding a reader is one line here: {@link #readable} with the format's signature and reader.
 */
public final class ModelFormats {

    /** Sieve's own model folder: a TensorFlow.js layers model.json, its shards and sieve.json. */
    public static final ModelFormat SIEVE_FOLDER = new Format("TensorFlow.js layers model (folder or model.json)",
            FormatSignatures::tfjsLayers, null, null) {
        @Override
        public Model open(Path path, String output) {
            refuseOutput(path, output);
            return ModelStore.load(path.toFile().isDirectory() ? path : path.toAbsolutePath().getParent());
        }
    };

    /** In the order they are tried; formats Sieve reads come first. */
    public static final List<ModelFormat> ALL = List.of(
            SIEVE_FOLDER,
            readable("Keras 3 .keras", FormatSignatures::keras3, KerasArchive::read),
            readable("Keras 2 .h5 (whole model)", FormatSignatures::keras2, KerasH5::read),
            readableChoosingOutput("ONNX", FormatSignatures::onnx, OnnxReader::read),
            readableChoosingOutput("TensorFlow.js graph model", FormatSignatures::tfjsGraph,
                    (p, output) -> GraphDefReader.readTfjs(Files.isDirectory(p) ? p.resolve("model.json") : p, output)),
            readableChoosingOutput("frozen TensorFlow GraphDef (.pb)", FormatSignatures::frozenGraph,
                    GraphDefReader::readFrozen),
            refused("TensorFlow SavedModel", FormatSignatures::savedModel, "convert it with tensorflowjs_converter"
                    + " --input_format tf_saved_model --output_format tfjs_graph_model, or save the Keras model"
                    + " with model.save('model.keras')"),
            refused("TensorFlow Lite (TFL3)", FormatSignatures::tflite, "a .tflite file is compiled for phones and"
                    + " has no gradients; open the model it was converted from (Keras, SavedModel or ONNX)"),
            refused("PyTorch TorchScript or pickle (.pt, .pth)", FormatSignatures::pytorch, "export to ONNX with"
                    + " torch.onnx.export(model, example_input, 'model.onnx') and open the .onnx file"),
            refused("Keras weights-only HDF5", FormatSignatures::kerasWeightsOnly, "it holds weights but no"
                    + " architecture; save the whole model with model.save('model.keras') (or 'model.h5')"));

    private ModelFormats() {
    }

    /** A format Sieve reads with {@code reader}; the model gets default metadata (normalisation none). */
    public static ModelFormat readable(String name, Predicate<ModelFile> signature, Function<Path, Network> reader) {
        return new Format(name, signature, (path, output) -> {
            refuseOutput(path, output);
            return reader.apply(path);
        }, null);
    }

    /** A format whose files may compute several outputs; {@code reader} is given the node to analyse, or null. */
    static ModelFormat readableChoosingOutput(String name, Predicate<ModelFile> signature,
                                             BiFunction<Path, String, Network> reader) {
        return new Format(name, signature, reader, null);
    }

    private static void refuseOutput(Path path, String output) {
        if (output != null) {
            throw new SieveException("Model " + path + ": only graph models (ONNX, TensorFlow.js graph, frozen GraphDef) let"
                    + " you choose the output node; leave out '" + output + "'.");
        }
    }

    /** A format Sieve will not open, with how to convert it into one it does. */
    static ModelFormat refused(String name, Predicate<ModelFile> signature, String howToConvert) {
        return new Format(name, signature, null, "which Sieve does not open: " + howToConvert);
    }

    /** The format of the file or folder at {@code path}; an unknown one fails naming the formats Sieve opens. */
    public static ModelFormat recognise(Path path) {
        ModelFile file = ModelFile.of(path);
        for (ModelFormat format : ALL) {
            if (format.recognises(file)) {
                return format;
            }
        }
        throw new SieveException("Model " + path + ": not a model " + (file.isDirectory() ? "folder" : "file")
                + " Sieve recognises (checked by content, not by name). Sieve opens: " + opened() + ".");
    }

    /** Opens the model at {@code path}, whatever its format. */
    public static Model open(Path path) {
        return recognise(path).open(path);
    }

    /** The names of the formats Sieve reads, for messages and help texts. */
    public static String opened() {
        return String.join(", ", ALL.stream().filter(ModelFormat::opens).map(ModelFormat::name).toList());
    }

    /**
     * Refusals quote what the file holds (class names, keys, values); whatever control character
     * a reader left in one is escaped here, once for every format, so a message stays one line.
     */
    private static SieveException printable(SieveException e) {
        String message = NodeNames.escaped(e.getMessage());
        return message.equals(e.getMessage()) ? e : new SieveException(message, e.exitCode(), e);
    }

    /** A model id from a file name: the name without its extension. */
    static String idOf(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        String text = name == null ? "model" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot > 0 ? text.substring(0, dot) : text;
    }

    private static class Format implements ModelFormat {

        private final String name;
        private final Predicate<ModelFile> signature;
        private final BiFunction<Path, String, Network> reader;
        private final String refusal;

        Format(String name, Predicate<ModelFile> signature, BiFunction<Path, String, Network> reader, String refusal) {
            this.name = name;
            this.signature = signature;
            this.reader = reader;
            this.refusal = refusal;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean opens() {
            return refusal == null;
        }

        @Override
        public boolean recognises(ModelFile file) {
            return signature.test(file);
        }

        @Override
        public Model open(Path path, String output) {
            if (refusal != null) {
                throw new SieveException("Model " + path + ": recognised as " + name + ", " + refusal + ".");
            }
            try {
                Network network = reader.apply(path, output);
                // Every format passes the same load-time checks as Sieve's own folders.
                ModelCheck.check(network, path.toString());
                return ModelStore.inMemory(network, ModelMetadata.defaults(idOf(path), network));
            } catch (SieveException e) {
                throw printable(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
