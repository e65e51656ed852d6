package org.sieve.network.format.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.common.NetworkAssembly;
import org.sieve.network.format.onnx.OnnxSteps.Step;

/**
 * Groups the steps of a translated graph into Sieve's layers: consecutive steps of one module
 * (PyTorch's "/layer1/layer1.0/conv1/Conv" belongs to module layer1.0.conv1) form one layer, so
 * a network lists its modules, not every op. A layer ends early where a later layer reads one of
 * its intermediate results, since a layer has one output.
 */
final class OnnxLayers {

    private OnnxLayers() {
    }

    /** Adds the layers to {@code net}; returns the layer name of each step that ends a layer ({@code output} does). */
    static Map<String, String> add(OnnxSteps steps, NetworkAssembly net, String inputLayer, String output) {
        List<Step> all = steps.steps();
        int count = all.size();
        boolean[] ends = new boolean[count];
        if (output.startsWith("t")) {
            ends[Integer.parseInt(output.substring(1))] = true;
        }
        for (int i = 0; i + 1 < count; i++) {
            ends[i] |= !all.get(i).module().equals(all.get(i + 1).module());
        }
        if (count > 0) {
            ends[count - 1] = true;
        }
        // A result read outside its run ends the run, unless its batch is not on the first axis (inside
        // an attention block): then the runs from it to its reader merge. Repeat until nothing changes.
        for (int i = 0; i < count; i++) {
            ends[i] &= all.get(i).batchFirst();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] run = runs(ends);
            for (int j = 0; j < count && !changed; j++) {
                for (String ref : refs(all.get(j))) {
                    int i = ref.startsWith("t") ? Integer.parseInt(ref.substring(1)) : -1;
                    if (i < 0 || run[i] == run[j] || ends[i]) {
                        continue;
                    }
                    if (all.get(i).batchFirst()) {
                        ends[i] = true;
                    } else {
                        java.util.Arrays.fill(ends, i, j, false);
                    }
                    changed = true;
                    break;
                }
            }
        }
        Map<String, String> layerOf = new HashMap<>();
        layerOf.put(OnnxSteps.INPUT, inputLayer);
        int start = 0;
        for (int i = 0; i < count; i++) {
            if (ends[i]) {
                String name = net.name(all.get(i).module(), "op_" + i);
                net.add(layer(name, all.subList(start, i + 1), start, layerOf), weightsOf(all.subList(start, i + 1), steps.weights()));
                layerOf.put("t" + i, name);
                start = i + 1;
            }
        }
        return layerOf;
    }

    private static int[] runs(boolean[] ends) {
        int[] run = new int[ends.length];
        int r = 0;
        for (int i = 0; i < ends.length; i++) {
            run[i] = r;
            if (ends[i]) {
                r++;
            }
        }
        return run;
    }

    private static OpGraphLayer layer(String name, List<Step> run, int first, Map<String, String> layerOf) {
        List<String> inputs = new ArrayList<>();
        List<OpStep> ops = new ArrayList<>();
        for (Step s : run) {
            List<OpStep.Arg> args = new ArrayList<>();
            for (OpStep.Arg a : s.op().args()) {
                String ref = a.ref();
                if (ref == null || a.isWeight()) {
                    args.add(a);
                } else if (ref.startsWith("t") && Integer.parseInt(ref.substring(1)) >= first) {
                    args.add(OpStep.Arg.step(Integer.parseInt(ref.substring(1)) - first));
                } else {
                    String layer = layerOf.get(ref);
                    if (!inputs.contains(layer)) {
                        inputs.add(layer);
                    }
                    args.add(OpStep.Arg.input(inputs.indexOf(layer)));
                }
            }
            ops.add(new OpStep(s.op().op(), args, s.op().attrs(), s.op().output()));
        }
        return new OpGraphLayer(name, inputs, ops);
    }

    /** The steps and the image a step reads. */
    private static List<String> refs(Step s) {
        return s.op().args().stream().filter(a -> a.ref() != null && !a.isWeight()).map(OpStep.Arg::ref).toList();
    }

    private static Map<String, WeightTensor> weightsOf(List<Step> run, Map<String, WeightTensor> weights) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (Step s : run) {
            s.op().args().stream().filter(OpStep.Arg::isWeight).forEach(a -> out.put(a.target(), weights.get(a.target())));
        }
        return out;
    }
}
