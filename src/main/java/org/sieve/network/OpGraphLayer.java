package org.sieve.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * A layer that is a small graph of TensorFlow ops over its inputs and weights, taken over from an
 * imported graph: one node of a TensorFlow graph, or what a PyTorch module of an ONNX graph
 * computes (a LayerNorm, an attention block, a convolution with its bias), op for op. Its output
 * is the last step's result.
 */
public record OpGraphLayer(String name, List<String> inputs, List<OpStep> steps) implements Layer {

    public static final String KIND = "TensorFlowOps";

    public OpGraphLayer {
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " has no steps");
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (OpStep.Arg a : steps.get(i).args()) {
                check(a, i, inputs.size(), shapes);
            }
        }
    }

    /** A layer of one op (a graph node as it is). */
    public static OpGraphLayer of(String name, List<String> inputs, OpStep step) {
        return new OpGraphLayer(name, inputs, List.of(step));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Each weight's name and shape, in the order the steps first read them. */
    public Map<String, long[]> weights() {
        Map<String, long[]> out = new LinkedHashMap<>();
        steps.forEach(s -> s.args().stream().filter(OpStep.Arg::isWeight).forEach(a -> out.putIfAbsent(a.target(), a.shape())));
        return Collections.unmodifiableMap(out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        List<Output<?>> results = new ArrayList<>();
        for (OpStep step : steps) {
            results.add(step.build(ctx.tf(), a -> resolve(a, ctx, in, results)));
        }
        return (Operand<TFloat32>) (Operand<?>) results.get(results.size() - 1);
    }

    private Output<?> resolve(OpStep.Arg a, BuildContext ctx, List<Operand<TFloat32>> in, List<Output<?>> results) {
        if (a.isWeight()) {
            Operand<TFloat32> w = ctx.weight(name, a.target(), a.shape(), WeightInit.ZEROS);
            return a.type() == org.tensorflow.proto.DataType.DT_DOUBLE
                    ? ctx.tf().dtypes.cast(w, TFloat64.class).asOutput() : w.asOutput();
        }
        int k = Integer.parseInt(a.target());
        return a.ref().startsWith("in:") ? in.get(k).asOutput() : results.get(k);
    }

    /** An argument reads an input the layer has, an earlier step, or a weight of one shape throughout. */
    private void check(OpStep.Arg a, int step, int inputCount, Map<String, long[]> shapes) {
        if (a.ref() == null) {
            return;
        }
        boolean ok;
        if (a.isWeight()) {
            long[] before = shapes.putIfAbsent(a.target(), a.shape());
            ok = !a.target().isEmpty() && a.shape() != null && Arrays.stream(a.shape()).allMatch(d -> d >= 0)
                    && (before == null || Arrays.equals(before, a.shape()));
        } else {
            int k = a.target().matches("\\d{1,9}") ? Integer.parseInt(a.target()) : -1;
            ok = a.ref().startsWith("in:") ? k >= 0 && k < inputCount : a.ref().startsWith("s:") && k >= 0 && k < step;
        }
        if (!ok) {
            throw new IllegalArgumentException("layer " + name + ": step " + step + " reads '"
                    + a.ref().replaceAll("\\p{Cntrl}", "?") + "', which the layer does not have");
        }
    }
}
