package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation on the last axis. At inference it is an affine map with the moving
 * statistics; while training it uses the batch's statistics and updates the moving ones.
 */
public record BatchNormalization(String name, List<String> inputs, float epsilon, float momentum,
        boolean center, boolean scale) implements Layer {

    @Override
    public String kind() {
        return "BatchNormalization";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        long[] c = {Shapes.lastDim(x)};
        Operand<TFloat32> movingMean = ctx.weight(name, "moving_mean", c, WeightInit.ZEROS);
        Operand<TFloat32> movingVar = ctx.weight(name, "moving_variance", c, WeightInit.ONES);
        Operand<TFloat32> mean = movingMean;
        Operand<TFloat32> variance = movingVar;
        if (ctx.training()) {
            int rank = x.shape().numDimensions();
            int[] axes = new int[rank - 1];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            mean = tf.math.mean(x, tf.constant(axes));
            variance = tf.math.mean(tf.math.squaredDifference(x, mean), tf.constant(axes),
                    Mean.keepDims(false));
            ctx.addUpdate(name, "moving_mean", blend(tf, movingMean, mean));
            ctx.addUpdate(name, "moving_variance", blend(tf, movingVar, variance));
        }
        Operand<TFloat32> factor = tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon)));
        if (scale) {
            factor = tf.math.mul(factor, ctx.weight(name, "gamma", c, WeightInit.ONES));
        }
        Operand<TFloat32> y = tf.math.mul(tf.math.sub(x, mean), factor);
        if (center) {
            y = tf.math.add(y, ctx.weight(name, "beta", c, WeightInit.ZEROS));
        }
        return y;
    }

    private Operand<TFloat32> blend(Ops tf, Operand<TFloat32> moving, Operand<TFloat32> batch) {
        return tf.math.add(tf.math.mul(moving, tf.constant(momentum)),
                tf.math.mul(tf.stopGradient(batch), tf.constant(1f - momentum)));
    }
}
