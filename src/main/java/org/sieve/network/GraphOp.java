package org.sieve.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sieve.SieveException;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * One TensorFlow op taken over from a model's op graph as it is: its type, its attributes and
 * its operands, each either a layer's output or a constant stored among the network's weights.
 * Only ops in {@link #COMPUTE_OPS} are built, so a stored model stays data: none of them reads a
 * file, talks to a network, keeps state or runs code.
 *
 * @param operands    in the op's input order: layer outputs (by index into {@code inputs}) and constants
 * @param outputIndex which of the op's outputs this layer is (Split and Unpack have several)
 */
public record GraphOp(String name, List<String> inputs, String op, Map<String, AttrValue> attrs,
                      List<Arg> operands, int outputIndex) implements Layer {

    /**
     * Ops that only compute on tensors and whose gradients TensorFlow registers (or that pass no
     * gradient: shapes, comparisons). Reviewed one by one; anything else is never built.
     */
    public static final Set<String> COMPUTE_OPS = Set.of("Abs", "Add", "AddN", "AddV2", "AvgPool",
            "BatchMatMul", "BatchMatMulV2", "BatchToSpaceND", "BiasAdd", "Cast", "ConcatV2", "Conv2D",
            "Conv2DBackpropInput", "DepthToSpace", "DepthwiseConv2dNative", "Elu", "Exp", "ExpandDims", "Floor",
            "FusedBatchNormV3", "Identity", "LeakyRelu", "Log", "MatMul", "Max", "Maximum", "MaxPool", "Mean",
            "Min", "Minimum", "MirrorPad", "Mul", "Neg", "Pack", "Pad", "PadV2", "Pow", "Prod", "RealDiv",
            "Reciprocal", "Relu", "Relu6", "Reshape", "ResizeBilinear", "ResizeNearestNeighbor", "Rsqrt",
            "Selu", "Sigmoid", "Slice", "Softmax", "Softplus", "SpaceToBatchND", "SpaceToDepth", "Split",
            "SplitV", "Sqrt", "Square", "SquaredDifference", "Squeeze", "StridedSlice", "Sub", "Sum", "Tanh",
            "Tile", "Transpose", "Unpack", "Erf", "Sin", "Cos", "Atan2", "BroadcastTo", "Select", "SelectV2",
            "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "ZerosLike", "OnesLike", "Fill",
            "GatherV2", "Range", "FloorDiv", "FloorMod", "Ceil", "Round", "LogicalAnd", "LogicalOr", "LogicalNot");

    /**
     * One input of the op: output {@code input} of the layer's inputs; a float constant, the weight
     * {@code weight}; or an integer or boolean constant (a shape, axes, indices), {@code values} itself.
     */
    public record Arg(int input, String weight, long[] shape, DataType type, long[] values) {

        public static Arg layer(int input) {
            return new Arg(input, null, null, null, null);
        }

        public static Arg weight(String weight, long[] shape) {
            return new Arg(-1, weight, shape.clone(), DataType.DT_FLOAT, null);
        }

        /** A float64 constant (shape arithmetic some converters write in double), kept as float32 values. */
        public static Arg doubleWeight(String weight, long[] shape) {
            return new Arg(-1, weight, shape.clone(), DataType.DT_DOUBLE, null);
        }

        public static Arg constant(long[] shape, DataType type, long[] values) {
            return new Arg(-1, null, shape.clone(), type, values.clone());
        }

        /** By value: a saved and re-read network equals the one saved. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Arg a && input == a.input && Objects.equals(weight, a.weight)
                    && Arrays.equals(shape, a.shape) && type == a.type && Arrays.equals(values, a.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(input, weight, Arrays.hashCode(shape), type, Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return weight != null ? "weight " + weight + Arrays.toString(shape)
                    : values != null ? type + " " + Arrays.toString(values) : "input " + input;
        }
    }

    public GraphOp {
        inputs = List.copyOf(inputs);
        attrs = Map.copyOf(attrs);
        operands = List.copyOf(operands);
        if (!COMPUTE_OPS.contains(op)) {
            throw new SieveException("Layer '" + name + "' is TensorFlow op " + op + ", which Sieve does not run.");
        }
    }

    @Override
    public String kind() {
        return "TensorFlowOp";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        List<Output<?>> args = new ArrayList<>();
        for (Arg o : operands) {
            if (o.weight() != null) {
                Operand<TFloat32> w = ctx.weight(name, o.weight(), o.shape(), WeightInit.ZEROS);
                args.add(o.type() == DataType.DT_DOUBLE ? tf.dtypes.cast(w, TFloat64.class).asOutput() : w.asOutput());
            } else if (o.values() != null) {
                args.add(constant(tf, o).asOutput());
            } else {
                args.add(in.get(o.input()).asOutput());
            }
        }
        OperationBuilder b = tf.scope().env().opBuilder(op, tf.scope().makeOpName(op), tf.scope());
        if (op.equals("AddN") || op.equals("ConcatV2") || op.equals("Pack")) {
            // N tensors as one list input; ConcatV2's axis follows the list.
            int listed = op.equals("ConcatV2") ? args.size() - 1 : args.size();
            b.addInputList(args.subList(0, listed).toArray(new Output<?>[0]));
            if (listed < args.size()) {
                b.addInput(args.get(listed));
            }
        } else {
            args.forEach(b::addInput);
        }
        attrs.forEach(b::setAttr);
        Output<?> out = b.build().output(outputIndex);
        return (Operand<TFloat32>) (Operand<?>) out;
    }

    private static Operand<?> constant(Ops tf, Arg o) {
        Shape shape = Shape.of(o.shape());
        long[] v = o.values();
        return switch (o.type()) {
            case DT_INT32 -> {
                int[] ints = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    ints[i] = Math.toIntExact(v[i]);
                }
                yield tf.constant(shape, DataBuffers.of(ints, true, false));
            }
            case DT_INT64 -> tf.constant(shape, DataBuffers.of(v, true, false));
            case DT_BOOL -> {
                boolean[] b = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = v[i] != 0;
                }
                yield tf.constant(shape, DataBuffers.of(b, true, false));
            }
            default -> throw new SieveException("A constant of type " + o.type() + " cannot be an operand of a layer.");
        };
    }
}
