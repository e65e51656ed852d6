package org.sieve.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The classifier losses, spelled out from log-softmax: TensorFlow's C++ gradient registry, which
 * graph mode relies on, has no gradient for the fused softmax cross-entropy ops.
 */
final class Losses {

    private Losses() {
    }

    /** Mean softmax cross-entropy of linear logits [n, classes] against integer labels. */
    static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt64> labels) {
        int classes = (int) logits.shape().size(1);
        Operand<TFloat32> picked = tf.reduceSum(tf.math.mul(tf.oneHot(labels, tf.constant(classes),
                tf.constant(1f), tf.constant(0f)), tf.nn.logSoftmax(logits)), tf.constant(1));
        return tf.math.neg(tf.math.mean(picked, tf.constant(0)));
    }

    /**
     * Hinton et al.'s distillation loss: alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T))
     * + (1 - alpha) * cross-entropy with the labels. T^2 keeps the soft targets' gradients as large
     * as the labels' whatever the temperature.
     */
    static Operand<TFloat32> distillation(Ops tf, Operand<TFloat32> student, Operand<TFloat32> teacher,
            Operand<TInt64> labels, float temperature, float alpha) {
        Operand<TFloat32> t = tf.constant(temperature);
        Operand<TFloat32> teacherLog = tf.nn.logSoftmax(tf.math.div(teacher, t));
        Operand<TFloat32> studentLog = tf.nn.logSoftmax(tf.math.div(student, t));
        Operand<TFloat32> kl = tf.math.mean(tf.reduceSum(tf.math.mul(tf.math.exp(teacherLog),
                tf.math.sub(teacherLog, studentLog)), tf.constant(1)), tf.constant(0));
        return tf.math.add(tf.math.mul(tf.constant(alpha * temperature * temperature), kl),
                tf.math.mul(tf.constant(1 - alpha), crossEntropy(tf, student, labels)));
    }
}
