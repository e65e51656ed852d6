package org.sieve.network.format.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.InputLayer;
import org.sieve.network.OpStep;
import org.sieve.network.WeightTensor;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow steps an ONNX graph becomes, before they are grouped into layers. Each step is
 * built at once into a scratch graph (batch 1, weights as zeros), so its shape is read off
 * TensorFlow. Tensors keep the layout that suits the ops they feed: a feature map stays channels
 * last between convolutions and pooling (TensorFlow's CPU kernels are NHWC only), and ops that
 * name axes have them mapped instead of a transpose being added; a transpose is a step only where
 * a layout must change.
 */
final class OnnxSteps implements AutoCloseable {

    /** ONNX [N, C, H, W] held as TensorFlow's [N, H, W, C]. */
    static final int[] CHANNELS_LAST = {0, 2, 3, 1};

    /** A tensor the image flows into: its step, ONNX shape (batch 1), batch axis, and layout. */
    record Act(String ref, long[] shape, int batch, int[] perm) {

        int rank() {
            return shape.length;
        }

        /** The TensorFlow axis holding ONNX axis {@code a}. */
        int tfAxis(long a) {
            long axis = a < 0 ? a + shape.length : a;
            for (int i = 0; i < perm.length; i++) {
                if (perm[i] == axis) {
                    return i;
                }
            }
            throw new IllegalArgumentException("axis " + a + " of rank " + shape.length);
        }
    }

    /**
     * A step in the order it was made, with the module (layer group) it belongs to; its arguments
     * read earlier steps as {@code t<i>}, the image as {@link #INPUT}. Only a result whose first
     * axis is the batch can be a layer's output.
     */
    record Step(String module, OpStep op, boolean batchFirst) {
    }

    static final String INPUT = "input";

    private final Graph graph = TensorFlowRuntime.get().newGraph();
    private final Ops tf = Ops.create(graph);
    private final Map<String, Output<?>> built = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, WeightTensor> weights = new LinkedHashMap<>();
    /** Results whose batch is the inner factor of its axis (tokens times batch), not the outer. */
    private final java.util.Set<String> innerBatch = new java.util.HashSet<>();

    Act input(InputLayer in) {
        built.put(INPUT, tf.placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(1, in.height(), in.width(), in.channels()))).asOutput());
        return new Act(INPUT, new long[] {1, in.channels(), in.height(), in.width()}, 0, CHANNELS_LAST);
    }

    List<Step> steps() {
        return steps;
    }

    Map<String, WeightTensor> weights() {
        return weights;
    }

    /** A weight named after the ONNX tensor it comes from (made unique), in TensorFlow's layout. */
    String weight(String onnxName, WeightTensor values) {
        String base = onnxName.replaceAll("[/:]+", ".").replaceAll("^\\.+", "");
        base = base.isEmpty() ? "w" : base;
        String name = base;
        for (int i = 2; weights.containsKey(name) && weights.get(name) != values; i++) {
            name = base + "_" + i;
        }
        weights.put(name, values);
        return "w:" + name;
    }

    /**
     * Adds the steps of {@code kernel} on {@code args} (an {@link Act} or a weight reference from
     * {@link #weight}) and returns its result, an ONNX tensor with the given batch axis and layout.
     */
    Act emit(String module, OnnxKernel kernel, List<Object> args, Map<String, double[]> attributes, int batch, int[] perm) {
        List<OpStep.Arg> in = new ArrayList<>();
        for (Object a : args) {
            String ref = a instanceof Act x ? x.ref() : (String) a;
            in.add(ref.startsWith("w:") ? OpStep.Arg.weight(ref.substring(2), weights.get(ref.substring(2)).shape())
                    : OpStep.Arg.ref(ref));
        }
        Emitter emitter = new Emitter(module);
        int first = steps.size();
        OpStep.Arg result = kernel.expand(emitter, in, new OnnxKernel.Params(attributes));
        String ref = "t" + (steps.size() - 1);
        if (steps.size() == first || !ref.equals(result.ref())) {
            result = emitter.op("Identity", Map.of(), result);
            ref = result.ref();
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(module, last.op(), batch >= 0 && perm[0] == batch));
        if (args.stream().anyMatch(a -> a instanceof Act x && x.batch() >= 0 && innerBatch.contains(x.ref()))) {
            innerBatch.add(ref);
        }
        long[] tfShape = built.get(ref).shape().asArray();
        long[] shape = new long[tfShape.length];
        for (int i = 0; i < tfShape.length; i++) {
            shape[perm[i]] = tfShape[i];
        }
        return new Act(ref, shape, batch, perm.clone());
    }

    /** Adds each op of a kernel to the scratch graph as a step of {@code module}, not yet a possible layer end. */
    private final class Emitter implements OnnxKernel.Emitter {

        private final String module;

        Emitter(String module) {
            this.module = module;
        }

        @Override
        public OpStep.Arg op(String type, Map<String, AttrValue> attrs, OpStep.Arg... args) {
            OpStep step = new OpStep(type, List.of(args), attrs, 0);
            Output<?> y = step.build(tf, this::output);
            String ref = "t" + steps.size();
            steps.add(new Step(module, step, false));
            built.put(ref, y);
            return OpStep.Arg.ref(ref);
        }

        @Override
        public long[] shape(OpStep.Arg x) {
            return x.isWeight() ? x.shape() : output(x).shape().asArray();
        }

        private Output<?> output(OpStep.Arg x) {
            return x.isWeight() ? tf.zeros(tf.constant(x.shape()), TFloat32.class).asOutput() : built.get(x.ref());
        }
    }

    boolean innerBatch(Act x) {
        return innerBatch.contains(x.ref());
    }

    void setInnerBatch(Act x, boolean inner) {
        if (inner) {
            innerBatch.add(x.ref());
        } else {
            innerBatch.remove(x.ref());
        }
    }

    /** {@code x} held in layout {@code perm}: a transpose step where the layouts differ. */
    Act layout(String module, Act x, int[] perm) {
        if (Arrays.equals(x.perm(), perm)) {
            return x;
        }
        double[] r = new double[perm.length];
        for (int i = 0; i < perm.length; i++) {
            r[i] = x.tfAxis(perm[i]);
        }
        return emit(module, OnnxKernel.TRANSPOSE, List.of(x), Map.of("perm", r), x.batch(), perm);
    }

    /** {@code x} in ONNX's own layout, for ops that read the shape (reshape, flatten, matrix products). */
    Act plain(String module, Act x) {
        return layout(module, x, identity(x.rank()));
    }

    /** Whether a tensor is held as Sieve shows it: a feature map channels last, anything else as in ONNX. */
    static boolean usual(Act x) {
        return Arrays.equals(x.perm(), x.rank() == 4 ? CHANNELS_LAST : identity(x.rank()));
    }

    /** {@code x} as Sieve shows it (see {@link #usual}). */
    Act usualLayout(String module, Act x) {
        return layout(module, x, x.rank() == 4 ? CHANNELS_LAST : identity(x.rank()));
    }

    static int[] identity(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        return p;
    }

    static double[] doubles(long... v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    static double[] doubles(int... v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    @Override
    public void close() {
        graph.close();
    }
}
