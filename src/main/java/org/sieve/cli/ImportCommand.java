package org.sieve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.model.Labels;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.PixelNormalization;
import org.sieve.network.Network;
import org.sieve.network.NetworkShapes;
import org.sieve.network.format.ModelFormat;
import org.sieve.network.format.ModelFormats;
import org.sieve.network.format.ModelImport;
import org.sieve.network.format.ModelStore;
import org.sieve.network.format.common.ReadNotes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sieve import}: any model file Sieve reads, saved as a Sieve model folder with its sieve.json. */
@Command(name = "import",
        header = "Turn a model file (Keras .keras or .h5, ...) into a Sieve model folder.",
        description = {"Reads SOURCE (recognised by its content) and writes DIR with model.json, its weights and"
                + " sieve.json, so that --model DIR, the --model-dir catalogue, the result cache and decoders work"
                + " for it. Normalisation presets:",
                "  none              pixels from 0 to 1, as they are (the default)",
                "  imagenet          ImageNet mean/std per RGB channel (torchvision, most PyTorch models)",
                "  minus-one-to-one  pixels from -1 to 1 (Keras MobileNet, Inception)",
                "  zero-to-255       pixels from 0 to 255",
                "  MEAN/STD          e.g. 0.5/0.25 or 0.485,0.456,0.406/0.229,0.224,0.225 (pixels from 0 to 1)"})
final class ImportCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The model file or folder.")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = {"--normalization", "--normalisation"}, paramLabel = "N",
            description = PixelNormalization.SYNTAX + " (default none).")
    String normalization = "none";

    @Option(names = "--labels", paramLabel = "FILE|imagenet", description = "Class labels, one per line in output"
            + " order, or 'imagenet' for the built-in ImageNet-1k list.")
    String labels;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the folder name).")
    String name;

    @Option(names = "--input", paramLabel = "HxW", description = "Feed images of this size instead of the size"
            + " the file declares (for networks that accept it, e.g. ending in global pooling).")
    String input;

    @Option(names = "--output", paramLabel = "NODE", description = "For a graph model computing several outputs:"
            + " the node to analyse, e.g. a detector's heatmap (the error without it lists them).")
    String output;

    @Option(names = "--kind", paramLabel = "KIND", description = "What the output means: classifier (the"
            + " default for one value per class), feature-extractor (no predictions; the default when the output"
            + " is a map) or detector[:LAYER], whose class scores are the maximum over positions of LAYER's"
            + " heatmap (default: the output layer), one channel per class.")
    String kind;

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            throw new UsageException("--out is empty; give the model folder to write.");
        }
        if (Files.exists(out.resolve("model.json"))) {
            throw new SieveException(out + " already holds a model (model.json). Choose another --out folder or"
                    + " delete that one first.");
        }
        ModelFormat format = ModelFormats.recognise(source);
        Model read = format.open(source, output);
        ReadNotes.drain().forEach(note -> err().println("note: " + note));
        int channels = read.network().input().channels();
        Path folderName = out.toAbsolutePath().normalize().getFileName();
        String id = folderName == null ? "model" : folderName.toString();
        ModelImport settings = new ModelImport(id, name, PixelNormalization.parse(normalization, channels),
                labels == null ? List.of() : Labels.read(labels), input == null ? null : size(input),
                kind(read.network()));
        Model model = settings.applyTo(read, source);
        ModelStore.saveReadable(model, out);
        err().printf("Imported %s (%s) into %s: %d layers, %,d parameters, input %dx%dx%d, normalisation %s, %s,"
                        + " %s.%n", source, format.name(), out, model.network().analysableLayers().size(),
                model.metadata().parameters(), model.metadata().input().height(), model.metadata().input().width(),
                channels, settings.normalization().label(), model.metadata().kind().describe(),
                model.metadata().labels().isEmpty() ? "no labels" : model.metadata().labels().size() + " labels");
        return 0;
    }

    /** {@code --kind}; a detector without a layer reads its heatmap from {@code outputLayer}. */
    private ModelKind kind(Network network) {
        String outputLayer = network.output().name();
        if (kind == null) {
            long[] shape = NetworkShapes.of(network, List.of(outputLayer)).get(outputLayer);
            if (shape.length < 2) {
                return ModelKind.CLASSIFIER;
            }
            err().println("note: the output of " + source + " is a map (" + java.util.Arrays.toString(shape)
                    + "), not one score per class: imported as a feature extractor, whose layers Sieve analyses;"
                    + " --kind detector makes each channel a class scored by its maximum over positions.");
            return ModelKind.FEATURE_EXTRACTOR;
        }
        String[] parts = kind.split(":", 2);
        ModelKind.Type type = Arrays.stream(ModelKind.Type.values()).filter(t -> t.json().equals(parts[0]))
                .findFirst().orElseThrow(() -> new UsageException("--kind '" + kind + "' is not classifier,"
                        + " feature-extractor or detector[:LAYER]."));
        if (type == ModelKind.Type.DETECTOR) {
            return ModelKind.detector(parts.length == 2 ? parts[1] : outputLayer);
        }
        if (parts.length == 2) {
            throw new UsageException("--kind '" + kind + "': only a detector names a layer.");
        }
        return type == ModelKind.Type.CLASSIFIER ? ModelKind.CLASSIFIER : ModelKind.FEATURE_EXTRACTOR;
    }

    private static int[] size(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--input '" + text + "' is not HxW, e.g. 224x224.");
    }
}
