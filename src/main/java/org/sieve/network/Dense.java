package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Fully connected layer on the last axis. */
public record Dense(String name, List<String> inputs, int units, boolean useBias, Activation activation)
        implements Layer {

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        long features = Shapes.lastDim(x);
        Operand<TFloat32> w = ctx.weight(name, "kernel", new long[] {features, units}, WeightInit.GLOROT_UNIFORM);
        long[] outer = Shapes.perExample(x);
        boolean flat = outer.length == 1;
        Operand<TFloat32> rows = flat ? x : tf.reshape(x, tf.constant(new long[] {-1, features}));
        Operand<TFloat32> y = tf.linalg.matMul(rows, w);
        if (useBias) {
            y = tf.nn.biasAdd(y, ctx.weight(name, "bias", new long[] {units}, WeightInit.ZEROS));
        }
        if (!flat) {
            long[] target = new long[outer.length + 1];
            target[0] = -1;
            System.arraycopy(outer, 0, target, 1, outer.length);
            target[target.length - 1] = units;
            y = tf.reshape(y, tf.constant(target));
        }
        return activation.apply(tf, y);
    }
}
