package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Combines several inputs: element-wise add or multiply, or concatenation along an axis. */
public record Merge(String name, List<String> inputs, Mode mode, int axis) implements Layer {

    public enum Mode { ADD, MULTIPLY, CONCATENATE }

    @Override
    public String kind() {
        return switch (mode) {
            case ADD -> "Add";
            case MULTIPLY -> "Multiply";
            case CONCATENATE -> "Concatenate";
        };
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        if (mode == Mode.CONCATENATE) {
            int rank = in.get(0).shape().numDimensions();
            return tf.concat(in, tf.constant(axis < 0 ? rank + axis : axis));
        }
        Operand<TFloat32> y = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            y = mode == Mode.ADD ? tf.math.add(y, in.get(i)) : tf.math.mul(y, in.get(i));
        }
        return y;
    }
}
