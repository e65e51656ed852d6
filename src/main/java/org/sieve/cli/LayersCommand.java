package org.sieve.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sieve.network.Layer;
import org.sieve.network.NetworkShapes;
import org.sieve.network.format.Model;
import org.sieve.tf.TensorFlowRuntime;

/** {@code sieve layers}: the analysable layers of a model with their output shapes. */
final class LayersCommand {

    static final String HELP = """
            Usage: sieve layers --model M [--json] [--model-dir DIR]
              Lists the layers of model M (a bundled id or a model folder) that can be analysed,
              in network order, with type, output shape and parameter count.""";

    private LayersCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = Options.parse("layers", args, Set.of("model", "model-dir"), Set.of("json"));
        Model model = Catalogues.of(o).resolve(o.require("model"));
        TensorFlowRuntime.get();
        Map<String, long[]> shapes = NetworkShapes.of(model.network());
        List<Layer> layers = model.network().analysableLayers();
        if (o.has("json")) {
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
