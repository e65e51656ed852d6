package org.sieve.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sieve.model.Model;
import org.sieve.network.Layer;
import org.sieve.network.NetworkShapes;
import org.sieve.tf.TensorFlowRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve layers}: the analysable layers of a model with their output shapes. */
@Command(name = "layers",
        header = "List a model's layers with output shapes.",
        description = "Lists the layers of a model that can be analysed, in network order, with type, output"
                + " shape and parameter count.")
final class LayersCommand extends Subcommand {

    @Mixin
    ModelOption modelOption;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = out();
        Model model = modelOption.resolve();
        TensorFlowRuntime.get();
        Map<String, long[]> shapes = NetworkShapes.of(model.network());
        List<Layer> layers = model.network().analysableLayers();
        if (json) {
            JsonArray list = new JsonArray();
            for (Layer l : layers) {
                JsonObject j = new JsonObject();
                j.addProperty("name", l.name());
                j.addProperty("type", l.kind());
                JsonArray shape = new JsonArray();
                Arrays.stream(shapes.get(l.name())).forEach(shape::add);
                j.add("outputShape", shape);
                j.addProperty("parameters", parameters(model, l));
                list.add(j);
            }
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(list));
            return 0;
        }
        out.printf("%s: %s, input %dx%dx%d%n", model.metadata().id(), model.metadata().name(),
                model.network().input().height(), model.network().input().width(), model.network().input().channels());
        TextTable table = new TextTable("LAYER", "TYPE", "OUTPUT", "PARAMETERS").alignRight(3);
        for (Layer l : layers) {
            table.add(l.name(), l.kind(), shape(shapes.get(l.name())),
                    String.format(Locale.ROOT, "%,d", parameters(model, l)));
        }
        table.print(out);
        return 0;
    }

    static String shape(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (long d : dims) {
            s.append(s.length() == 0 ? "" : "x").append(d);
        }
        return s.toString();
    }

    private static long parameters(Model model, Layer layer) {
        String prefix = layer.name() + "/";
        return model.network().weights().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().size()).sum();
    }
}
