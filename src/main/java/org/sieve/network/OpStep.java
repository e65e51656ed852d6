package org.sieve.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.sieve.SieveException;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * One TensorFlow op of an {@link OpGraphLayer}: its type, its attributes as TensorFlow states them,
 * its arguments and which of its outputs the step yields. Only ops in {@link #COMPUTE_OPS} are
 * ever built, so a stored model stays data: none of them reads a file, talks to a network, keeps
 * state or runs code.
 *
 * @param output which of the op's outputs the step is (Split and Unpack have several)
 */
public record OpStep(String op, List<Arg> args, Map<String, AttrValue> attrs, int output) {

    /**
     * Ops that only compute on tensors and whose gradients TensorFlow registers (or that pass no
     * gradient: shapes, comparisons). Reviewed one by one; anything else is never built.
     */
    public static final Set<String> COMPUTE_OPS = Set.of("Abs", "Add", "AddN", "AddV2", "AvgPool",
            "BatchMatMul", "BatchMatMulV2", "BatchToSpaceND", "BiasAdd", "Cast", "ConcatV2", "Conv2D",
            "Conv2DBackpropInput", "DepthToSpace", "DepthwiseConv2dNative", "Div", "Einsum", "Elu", "Exp", "ExpandDims",
            "Floor", "FusedBatchNormV3", "Identity", "LeakyRelu", "Log", "MatMul", "Max", "Maximum", "MaxPool", "Mean",
            "Min", "Minimum", "MirrorPad", "Mul", "Neg", "Pack", "Pad", "PadV2", "Pow", "Prod", "RealDiv",
            "Reciprocal", "Relu", "Relu6", "Reshape", "ResizeBilinear", "ResizeNearestNeighbor", "Rsqrt",
            "Selu", "Sigmoid", "Slice", "Softmax", "Softplus", "SpaceToBatchND", "SpaceToDepth", "Split",
            "Shape", "SplitV", "Sqrt", "Square", "SquaredDifference", "Squeeze", "StridedSlice", "Sub", "Sum", "Tanh",
            "Tile", "Transpose", "Unpack", "Erf", "Sin", "Cos", "Atan2", "BroadcastTo", "Select", "SelectV2",
            "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "ZerosLike", "OnesLike", "Fill",
            "GatherV2", "Range", "FloorDiv", "FloorMod", "Ceil", "Round", "LogicalAnd", "LogicalOr", "LogicalNot");

    /** Ops whose first inputs are one list (ConcatV2's axis follows the list). */
    private static final Set<String> LIST_INPUT = Set.of("AddN", "ConcatV2", "Einsum", "Pack");

    /**
     * One input of the op: a reference {@code in:K} (the layer's K-th input), {@code s:K} (the
     * result of the layer's K-th step) or {@code w:NAME} (the layer's float weight NAME, fed as
     * {@code type}, float32 or float64); or a constant of {@code type} held here: integers and
     * booleans in {@code ints}, float32 in {@code floats}.
     */
    public record Arg(String ref, long[] shape, DataType type, long[] ints, float[] floats) {

        public static Arg input(int k) {
            return new Arg("in:" + k, null, null, null, null);
        }

        public static Arg step(int k) {
            return new Arg("s:" + k, null, null, null, null);
        }

        /** A reference while a layer is assembled (an importer's own names), rewritten before the layer is made. */
        public static Arg ref(String ref) {
            return new Arg(ref, null, null, null, null);
        }

        public static Arg weight(String weight, long[] shape) {
            return new Arg("w:" + weight, shape.clone(), DataType.DT_FLOAT, null, null);
        }

        /** A float weight fed as float64 (shape arithmetic some converters write in double). */
        public static Arg doubleWeight(String weight, long[] shape) {
            return new Arg("w:" + weight, shape.clone(), DataType.DT_DOUBLE, null, null);
        }

        /** An integer or boolean constant (a shape, axes, indices). */
        public static Arg constant(long[] shape, DataType type, long[] values) {
            return new Arg(null, shape.clone(), type, values.clone(), null);
        }

        public static Arg ints(int... values) {
            return constant(new long[] {values.length}, DataType.DT_INT32, Arrays.stream(values).asLongStream().toArray());
        }

        public static Arg scalar(float value) {
            return new Arg(null, new long[0], DataType.DT_FLOAT, null, new float[] {value});
        }

        public boolean isWeight() {
            return ref != null && ref.startsWith("w:");
        }

        /** The weight's name, or the index K of {@code in:K} and {@code s:K} as text. */
        public String target() {
            return ref.substring(ref.indexOf(':') + 1);
        }

        /** The constant as a TensorFlow constant. */
        Output<?> constant(Ops tf) {
            Shape s = Shape.of(shape);
            return switch (type) {
                case DT_FLOAT -> tf.constant(s, DataBuffers.of(floats, true, false)).asOutput();
                case DT_INT32 -> {
                    int[] v = new int[ints.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Math.toIntExact(ints[i]);
                    }
                    yield tf.constant(s, DataBuffers.of(v, true, false)).asOutput();
                }
                case DT_INT64 -> tf.constant(s, DataBuffers.of(ints, true, false)).asOutput();
                case DT_BOOL -> {
                    boolean[] v = new boolean[ints.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = ints[i] != 0;
                    }
                    yield tf.constant(s, DataBuffers.of(v, true, false)).asOutput();
                }
                default -> throw new SieveException("A constant of type " + type + " cannot be an argument of an op.");
            };
        }

        /** By value: a saved and re-read network equals the one saved. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Arg a && Objects.equals(ref, a.ref) && Arrays.equals(shape, a.shape) && type == a.type
                    && Arrays.equals(ints, a.ints) && Arrays.equals(floats, a.floats);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ref, Arrays.hashCode(shape), type, Arrays.hashCode(ints), Arrays.hashCode(floats));
        }

        @Override
        public String toString() {
            return ref != null ? ref : type + " " + (ints != null ? Arrays.toString(ints) : Arrays.toString(floats));
        }
    }

    public OpStep {
        args = List.copyOf(args);
        attrs = new TreeMap<>(attrs);
        if (!COMPUTE_OPS.contains(op)) {
            throw new SieveException("TensorFlow op " + op + " is not among the ops Sieve computes.");
        }
    }

    /** Adds the op to {@code tf}'s graph; {@code resolve} gives each referenced argument's tensor. */
    public Output<?> build(Ops tf, Function<Arg, Output<?>> resolve) {
        List<Output<?>> in = new ArrayList<>();
        for (Arg a : args) {
            in.add(a.ref() == null ? a.constant(tf) : resolve.apply(a));
        }
        OperationBuilder b = tf.scope().env().opBuilder(op, tf.scope().makeOpName(op), tf.scope());
        if (LIST_INPUT.contains(op)) {
            int listed = op.equals("ConcatV2") ? in.size() - 1 : in.size();
            b.addInputList(in.subList(0, listed).toArray(new Output<?>[0]));
            if (listed < in.size()) {
                b.addInput(in.get(listed));
            }
        } else {
            in.forEach(b::addInput);
        }
        attrs.forEach(b::setAttr);
        return b.build().output(output);
    }

    @Override
    public String toString() {
        return op + args + (attrs.isEmpty() ? "" : " " + attrs.keySet());
    }
}
