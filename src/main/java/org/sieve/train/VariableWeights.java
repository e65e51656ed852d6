package org.sieve.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.network.BuildContext;
import org.sieve.network.WeightInit;
import org.sieve.network.WeightTensor;
import org.sieve.tf.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Binds a network's weights as TensorFlow variables, created on first use with seeded starting
 * values (or a trained network's, to fine-tune it), so that the network can be trained. A training view and an inference view of the same
 * variables can be built into one graph (see {@link #withTraining}).
 */
public final class VariableWeights implements BuildContext {

    private final Ops tf;
    private final long seed;
    private final boolean training;
    /** Starting values by {@code layer/weight}; when empty, every weight is drawn from the seed. */
    private final Map<String, WeightTensor> start;
    private final Map<String, Variable<TFloat32>> variables;
    /** Assignments of state that is updated rather than learned (batch norm's moving statistics). */
    private final Map<String, Op> updates;

    public VariableWeights(Ops tf, long seed, boolean training) {
        this(tf, seed, training, Map.of());
    }

    /** Variables starting from {@code start}'s values; every weight the network asks for must be there. */
    public VariableWeights(Ops tf, long seed, boolean training, Map<String, WeightTensor> start) {
        this(tf, seed, training, Map.copyOf(start), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private VariableWeights(Ops tf, long seed, boolean training, Map<String, WeightTensor> start,
            Map<String, Variable<TFloat32>> variables, Map<String, Op> updates) {
        this.tf = tf;
        this.seed = seed;
        this.training = training;
        this.start = start;
        this.variables = variables;
        this.updates = updates;
    }

    /** A context sharing these variables, e.g. the inference view of a network being trained. */
    public VariableWeights withTraining(boolean training) {
        return new VariableWeights(tf, seed, training, start, variables, updates);
    }

    @Override
    public Ops tf() {
        return tf;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public Operand<TFloat32> weight(String layer, String name, long[] shape, WeightInit init) {
        String key = layer + "/" + name;
        Variable<TFloat32> existing = variables.get(key);
        if (existing != null) {
            if (!Arrays.equals(existing.shape().asArray(), shape)) {
                throw new IllegalStateException("weight " + key + " requested with shape " + Arrays.toString(shape)
                        + " but created as " + existing.shape());
            }
            return existing;
        }
        Ops initScope = tf.withInitScope();
        float[] values = start.isEmpty() ? InitialValues.draw(key, shape, init, seed) : startingValues(key, shape);
        Variable<TFloat32> v = initScope.variable(
                initScope.constant(Shape.of(shape), DataBuffers.of(values, true, false)));
        variables.put(key, v);
        return v;
    }

    private float[] startingValues(String key, long[] shape) {
        WeightTensor w = start.get(key);
        if (w == null || !Arrays.equals(w.shape(), shape)) {
            throw new SieveException("The starting weights do not fit this architecture: it needs '" + key + "' of"
                    + " shape " + Arrays.toString(shape) + ", they have " + (w == null ? "none"
                    : Arrays.toString(w.shape())) + ". Start from a model of the same architecture.");
        }
        return w.values().clone();
    }

    @Override
    public void addUpdate(String layer, String name, Operand<TFloat32> newValue) {
        String key = layer + "/" + name;
        if (!training) {
            throw new IllegalStateException("update of " + key + " outside training");
        }
        updates.put(key, tf.assign(variables.get(key), newValue));
    }

    /** The state assignments to run with every training step. */
    public List<Op> updates() {
        return List.copyOf(updates.values());
    }

    /** The variables the optimiser changes: every weight not maintained by an update. */
    public Map<String, Variable<TFloat32>> trainable() {
        Map<String, Variable<TFloat32>> out = new LinkedHashMap<>(variables);
        out.keySet().removeAll(updates.keySet());
        return out;
    }

    /** The current values of all weights, keyed {@code layer/weight}, ready for a Network. */
    public Map<String, WeightTensor> export(Session session) {
        Session.Runner runner = session.runner();
        List<String> keys = List.copyOf(variables.keySet());
        keys.forEach(k -> runner.fetch(variables.get(k)));
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < keys.size(); i++) {
                long[] shape = variables.get(keys.get(i)).shape().asArray();
                out.put(keys.get(i), new WeightTensor(shape, Tensors.floats(result.get(i))));
            }
        }
        return out;
    }
}
