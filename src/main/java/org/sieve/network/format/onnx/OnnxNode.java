package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import org.sieve.SieveException;
import org.sieve.network.format.common.NodeNames;

/** One ONNX node with typed access to its attributes, and refusals that name it. */
record OnnxNode(NodeProto proto, int index, String file) {

    String op() {
        return proto.getOpType();
    }

    String name() {
        return proto.getName();
    }

    /** Input {@code i}, or "" when absent (ONNX marks skipped optional inputs with an empty name). */
    String input(int i) {
        return i < proto.getInputCount() ? proto.getInput(i) : "";
    }

    int inputCount() {
        return proto.getInputCount();
    }

    String output() {
        return proto.getOutput(0);
    }

    private AttributeProto attribute(String key) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(key)) {
                return a;
            }
        }
        return null;
    }

    boolean has(String key) {
        return attribute(key) != null;
    }

    long integer(String key, long fallback) {
        AttributeProto a = attribute(key);
        return a == null ? fallback : a.getI();
    }

    float number(String key, float fallback) {
        AttributeProto a = attribute(key);
        return a == null ? fallback : a.getF();
    }

    String text(String key, String fallback) {
        AttributeProto a = attribute(key);
        if (a == null) {
            return fallback;
        }
        String text = a.getS().toStringUtf8();
        NodeNames.checkPrintable(text, describe() + " has attribute '" + key + "' holding", file);
        return text;
    }

    long[] integers(String key, long[] fallback) {
        AttributeProto a = attribute(key);
        return a == null ? fallback : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    float[] numbers(String key) {
        AttributeProto a = attribute(key);
        if (a == null) {
            return null;
        }
        float[] v = new float[a.getFloatsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getFloats(i);
        }
        return v;
    }

    AttributeProto tensorAttribute(String key) {
        return attribute(key);
    }

    /** "node 'conv1' (Conv)", or the node's position when it has no name. */
    String describe() {
        return "node '" + (name().isEmpty() ? "#" + index : name()) + "' (" + op() + ")";
    }

    /** A refusal of a well-formed node that Sieve cannot translate: says what is unsupported. */
    SieveException unsupported(String what) {
        return new SieveException("Model " + file + ": " + describe() + " " + what
                + ". Sieve cannot open this model; export it without this construct.");
    }

    /** A refusal of a node that contradicts the ONNX specification. */
    SieveException invalid(String what) {
        return new SieveException("Model " + file + ": " + describe() + " " + what
                + ". The file is damaged or not valid ONNX; export the model again.");
    }
}
