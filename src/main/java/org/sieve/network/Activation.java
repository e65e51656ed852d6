package org.sieve.network;

import java.util.Arrays;
import java.util.Locale;
import org.sieve.SieveException;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** Element-wise activation functions, named as in Keras. */
public enum Activation {
    LINEAR, RELU, RELU6, LEAKY_RELU, SIGMOID, TANH, SOFTMAX, SWISH,
    /** Keras 3's hard_sigmoid, relu6(x + 3) / 6 (PyTorch's Hardsigmoid; Keras 2's was 0.2x + 0.5). */
    HARD_SIGMOID,
    /** x * relu6(x + 3) / 6 (PyTorch's Hardswish). */
    HARD_SWISH;

    /** Keras 3's default negative slope for "leaky_relu" given as a string. */
    public static final float DEFAULT_LEAKY_ALPHA = 0.2f;

    /** The slope of PyTorch's and Keras 3's hard sigmoid and hard swish. */
    public static final float HARD_SLOPE = 1f / 6;

    /**
     * @param parameter LEAKY_RELU's negative slope; HARD_SIGMOID's and HARD_SWISH's slope k in
     *                  relu6(x + 3) * k (converters may store 1/6 rounded, e.g. as float16)
     */
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, float parameter) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> tf.nn.relu(x);
            case RELU6 -> tf.nn.relu6(x);
            case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(parameter));
            case SIGMOID -> tf.math.sigmoid(x);
            case TANH -> tf.math.tanh(x);
            case SOFTMAX -> tf.nn.softmax(x);
            case SWISH -> tf.math.mul(x, tf.math.sigmoid(x));
            case HARD_SIGMOID -> hardSigmoid(tf, x, parameter);
            case HARD_SWISH -> tf.math.mul(x, hardSigmoid(tf, x, parameter));
        };
    }

    private static Operand<TFloat32> hardSigmoid(Ops tf, Operand<TFloat32> x, float slope) {
        return tf.math.mul(tf.nn.relu6(tf.math.add(x, tf.constant(3f))), tf.constant(slope));
    }

    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
        return apply(tf, x, defaultParameter());
    }

    /** The parameter an activation has when none is given: Keras 3's defaults. */
    public float defaultParameter() {
        return this == HARD_SIGMOID || this == HARD_SWISH ? HARD_SLOPE : DEFAULT_LEAKY_ALPHA;
    }

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromKeras(String name, String layer) {
        String n = name == null ? "linear" : name.toLowerCase(Locale.ROOT);
        if (n.equals("silu")) {
            return SWISH;
        }
        for (Activation a : values()) {
            if (a.kerasName().equals(n)) {
                return a;
            }
        }
        throw new SieveException("Layer '" + layer + "' uses activation '" + name
                + "', which Sieve does not support. Supported: "
                + Arrays.toString(Arrays.stream(values()).map(Activation::kerasName).toArray()) + ".");
    }
}
