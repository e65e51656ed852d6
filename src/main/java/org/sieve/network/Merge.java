package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Combines several inputs: element-wise add or multiply, concatenation along an axis, or the
 * difference or quotient of exactly two inputs (first minus / over second).
 */
public record Merge(String name, List<String> inputs, Mode mode, int axis) implements Layer {

    public enum Mode { ADD, MULTIPLY, CONCATENATE, SUBTRACT, DIVIDE }

    @Override
    public String kind() {
        return switch (mode) {
            case ADD -> "Add";
            case MULTIPLY -> "Multiply";
            case CONCATENATE -> "Concatenate";
            case SUBTRACT -> "Subtract";
            case DIVIDE -> "Divide";
        };
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        if (mode == Mode.CONCATENATE) {
            int rank = in.get(0).shape().numDimensions();
            return tf.concat(in, tf.constant(axis < 0 ? rank + axis : axis));
        }
        if (mode == Mode.SUBTRACT || mode == Mode.DIVIDE) {
            if (in.size() != 2) {
                throw new IllegalArgumentException("layer " + name + " takes two inputs, got " + in.size());
            }
            return mode == Mode.SUBTRACT ? tf.math.sub(in.get(0), in.get(1)) : tf.math.div(in.get(0), in.get(1));
        }
        Operand<TFloat32> y = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            y = mode == Mode.ADD ? tf.math.add(y, in.get(i)) : tf.math.mul(y, in.get(i));
        }
        return y;
    }
}
