package org.sieve.metrics;

import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A {@link SigmaGraph}'s optimisation state as graph variables, per layer where it has a layer
 * axis: log sigma, Adam's moments and step count, D0, the noise keys and counter, the active
 * flags. With the ops that set it from fed values: all of it (a start, or another graph's state
 * handed on), a new target (D0 and active flags), the active flags alone.
 */
final class OptimiserVariables {

    final Variable<TFloat32> logSigma;
    final Variable<TFloat32> m;
    final Variable<TFloat32> v;
    final Variable<TFloat32> t;
    final Variable<TFloat32> d0;
    final Variable<TBool> active;
    final Variable<TInt64> keys;
    final Variable<TInt64> counter;

    final Placeholder<TFloat32> logSigmaIn;
    final Placeholder<TFloat32> mIn;
    final Placeholder<TFloat32> vIn;
    final Placeholder<TFloat32> tIn;
    final Placeholder<TFloat32> d0In;
    final Placeholder<TInt64> keysIn;
    final Placeholder<TInt64> counterIn;
    final Placeholder<TBool> activeIn;

    /** Sets every variable from its placeholder. */
    final Op restore;
    /** Sets D0 and the active flags. */
    final Op retarget;
    /** Sets the active flags. */
    final Op assignActive;
    /** What is read to hand layers on to a graph of fewer layers: log sigma, m, v, t, counter. */
    final List<Variable<?>> handedOn;

    OptimiserVariables(Ops tf, int layerCount, Shape gridShape) {
        Shape layerShape = Shape.of(layerCount);
        logSigmaIn = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
        mIn = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
        vIn = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
        tIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        d0In = tf.placeholder(TFloat32.class, Placeholder.shape(layerShape));
        keysIn = tf.placeholder(TInt64.class, Placeholder.shape(layerShape));
        counterIn = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
        activeIn = tf.placeholder(TBool.class, Placeholder.shape(layerShape));
        logSigma = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
        m = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
        v = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
        t = tf.variable(tf.constant(0f));
        d0 = tf.variable(tf.ones(tf.constant(layerShape), TFloat32.class));
        active = tf.variable(tf.constant(new boolean[layerCount]));
        keys = tf.variable(tf.constant(new long[layerCount]));
        counter = tf.variable(tf.constant(0L));
        restore = tf.withControlDependencies(List.of(
                tf.assign(logSigma, logSigmaIn), tf.assign(m, mIn), tf.assign(v, vIn), tf.assign(t, tIn),
                tf.assign(d0, d0In), tf.assign(keys, keysIn), tf.assign(counter, counterIn),
                tf.assign(active, activeIn))).noOp();
        handedOn = List.of(logSigma, m, v, t, counter);
        assignActive = tf.assign(active, activeIn);
        retarget = tf.withControlDependencies(List.of(tf.assign(d0, d0In), tf.assign(active, activeIn))).noOp();
    }
}
