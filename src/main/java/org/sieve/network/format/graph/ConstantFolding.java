package org.sieve.network.format.graph;

import java.util.List;
import java.util.Map;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.WeightTensor;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Computes, while a model is read, an op whose operands are all constants: the shape arithmetic
 * of a graph (Shape, StridedSlice, Pack feeding a Reshape) becomes the constant it always is for
 * the model's fixed input size. The op runs through {@link OpStep}, so the same allowlist holds.
 * One graph and one session serve every fold of a reading: opening a session per fold made
 * reading a graph with many folds take seconds.
 */
final class ConstantFolding implements AutoCloseable {

    /** A folded value and the type TensorFlow gave it. */
    record Folded(WeightTensor value, DataType type) {
    }

    private Graph graph;
    private Session session;
    private int folds;

    Folded fold(String op, Map<String, AttrValue> attrs, List<WeightTensor> constants, List<DataType> types,
            int outputIndex) {
        if (graph == null) {
            graph = TensorFlowRuntime.get().newGraph();
            session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU);
        }
        // Each fold's ops in a scope of their own, so that their names never collide in the shared graph.
        Ops tf = Ops.create(graph).withSubScope("fold" + folds++);
        List<OpStep.Arg> args = new java.util.ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            WeightTensor c = constants.get(i);
            args.add(types.get(i) == DataType.DT_FLOAT ? OpStep.Arg.weight("c" + i, c.shape())
                    : types.get(i) == DataType.DT_DOUBLE ? OpStep.Arg.doubleWeight("c" + i, c.shape())
                    : OpStep.Arg.constant(c.shape(), types.get(i), GraphOps.integers(c)));
        }
        OpGraphLayer layer = OpGraphLayer.of("fold", List.of(), new OpStep(op, args, attrs, outputIndex));
        Operand<TFloat32> out = layer.build(new org.sieve.network.BuildContext() {
            @Override
            public Ops tf() {
                return tf;
            }

            @Override
            public Operand<TFloat32> weight(String l, String name, long[] shape, org.sieve.network.WeightInit init) {
                WeightTensor w = constants.get(Integer.parseInt(name.substring(1)));
                return tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(w.values(), true,
                        false));
            }
        }, List.of());
        Output<?> result = out.asOutput();
        DataType type = result.dataType();
        Operand<TFloat32> asFloat = type == DataType.DT_FLOAT ? out : tf.dtypes.cast(out, TFloat32.class);
        try (Tensor t = session.runner().fetch(asFloat).run().get(0)) {
            return new Folded(new WeightTensor(t.shape().asArray(), Tensors.floats(t)), type);
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            graph.close();
        }
    }

    /** The static shape of a tensor, batch axis included, as an int32 constant. */
    static Folded shape(long[] perExample) {
        float[] v = new float[perExample.length + 1];
        v[0] = 1;
        for (int i = 0; i < perExample.length; i++) {
            v[i + 1] = perExample[i];
        }
        return new Folded(new WeightTensor(new long[] {v.length}, v), DataType.DT_INT32);
    }
}
