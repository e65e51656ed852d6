package org.sieve.network;

import java.util.ArrayList;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A layer that is a small graph of TensorFlow ops over its inputs and weights: what an imported
 * graph's module computes (a LayerNorm, an attention block, a convolution with its bias), op for
 * op. Its output is the last step's result.
 *
 * @param weights each weight's name and shape, in storage order
 */
public record OpGraphLayer(String name, List<String> inputs, List<OpStep> steps, Map<String, List<Long>> weights)
        implements Layer {

    public static final String KIND = "SieveOps";

    public OpGraphLayer {
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " has no steps");
        }
    }

    /** Equal when name, inputs, steps and weight shapes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpGraphLayer l && name.equals(l.name) && inputs.equals(l.inputs) && steps.equals(l.steps)
                && weights.equals(l.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, inputs, steps, weights);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        List<Operand<TFloat32>> results = new ArrayList<>();
        for (OpStep step : steps) {
            List<Operand<TFloat32>> args = new ArrayList<>();
            for (String arg : step.args()) {
                args.add(resolve(arg, ctx, in, results));
            }
            results.add(step.op().applyTo(ctx.tf(), args, step));
        }
        return results.get(results.size() - 1);
    }

    /** The shape of weight {@code weight}. */
    public long[] shape(String weight) {
        return weights.get(weight).stream().mapToLong(Long::longValue).toArray();
    }

    private Operand<TFloat32> resolve(String arg, BuildContext ctx, List<Operand<TFloat32>> in,
            List<Operand<TFloat32>> results) {
        String ref = arg.substring(arg.indexOf(':') + 1);
        if (arg.startsWith("w:") && weights.containsKey(ref)) {
            return ctx.weight(name, ref, shape(ref), WeightInit.ZEROS);
        }
        int k = arg.startsWith("in:") || arg.startsWith("s:") ? Integer.parseInt(ref) : -1;
        List<Operand<TFloat32>> from = arg.startsWith("in:") ? in : results;
        if (k < 0 || k >= from.size()) {
            throw new IllegalArgumentException("layer " + name + " reads '" + arg + "', which it does not have");
        }
        return from.get(k);
    }
}
