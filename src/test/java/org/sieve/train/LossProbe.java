package org.sieve.train;

import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Evaluates {@link Losses} on one example's logits, for checking them against the formula. */
final class LossProbe {

    private LossProbe() {
    }

    static double distillation(float[] student, float[] teacher, int label, float temperature, float alpha) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var loss = Losses.distillation(tf, tf.constant(new float[][] {student}), tf.constant(new float[][] {teacher}),
                    tf.constant(new long[] {label}), temperature, alpha);
            try (Result r = s.runner().fetch(loss).run()) {
                return Tensors.floats(r.get(0))[0];
            }
        }
    }
}
