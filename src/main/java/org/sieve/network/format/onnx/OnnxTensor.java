package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.network.format.common.NodeNames;

/**
 * A constant tensor of an ONNX graph (initializer, Constant node or folded shape arithmetic):
 * float values, or integer values for shapes and indices. Decoding checks the declared shape
 * for overflow before allocating; NaN or infinity is refused where the tensor is used as a weight.
 */
record OnnxTensor(String name, long[] dims, float[] floats, long[] ints) {

    /** The most elements one tensor may declare (2 GB of floats). */
    static final long MAX_ELEMENTS = (Integer.MAX_VALUE - 8) / 4;

    static OnnxTensor ofInts(String name, long[] dims, long[] ints) {
        return new OnnxTensor(name, dims, null, ints);
    }

    boolean isFloat() {
        return floats != null;
    }

    int size() {
        return isFloat() ? floats.length : ints.length;
    }

    /** Value {@code i} as a double, whatever the element type. */
    double at(int i) {
        return isFloat() ? floats[i] : ints[i];
    }

    long[] asLongs() {
        long[] v = new long[size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = isFloat() ? (long) floats[i] : ints[i];
        }
        return v;
    }

    /** The values as floats: a float tensor's own array (shared: never write into it), else a converted copy. */
    float[] asFloats() {
        if (isFloat()) {
            return floats;
        }
        float[] v = new float[size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) at(i);
        }
        return v;
    }

    /** Refuses a weight holding NaN or infinity, naming it: the network would compute nothing meaningful. */
    void checkFinite(String file) {
        if (floats == null) {
            return;
        }
        for (int i = 0; i < floats.length; i++) {
            if (!Float.isFinite(floats[i])) {
                throw new SieveException("Model " + file + ": tensor '" + name + "' holds " + floats[i] + " at index "
                        + i + "; Sieve refuses weights that are not finite numbers. Retrain or re-export the model.");
            }
        }
    }

    /** Element count of {@code dims}, refusing negative sizes and overflow. */
    static int count(long[] dims, String what, String file) {
        long n = 1;
        try {
            for (long d : dims) {
                if (d < 0) {
                    throw new ArithmeticException();
                }
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException e) {
            n = -1;
        }
        if (n < 0 || n > MAX_ELEMENTS) {
            throw new SieveException("Model " + file + ": " + what + " declares shape " + Arrays.toString(dims)
                    + ", more than the " + MAX_ELEMENTS + " values Sieve reads per tensor. The file is damaged"
                    + " or not a model Sieve can open.");
        }
        return (int) n;
    }

    static OnnxTensor decode(TensorProto t, Path dir, String file) {
        NodeNames.checkPrintable(t.getName(), "a tensor is named", file);
        String what = "tensor '" + t.getName() + "'";
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int n = count(dims, what, file);
        ByteBuffer raw = t.getDataLocation() == TensorProto.DataLocation.EXTERNAL
                ? external(t, dir, file, what) : t.getRawData().asReadOnlyByteBuffer();
        raw = raw.order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = raw.remaining() > 0 || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL;
        switch (t.getDataType()) {
            case TensorProto.DataType.FLOAT_VALUE -> {
                // The stored values are counted before allocating, so a tiny file cannot declare gigabytes.
                if (hasRaw) {
                    checkBytes(raw, n, 4, what, file);
                } else {
                    checkCount(t.getFloatDataCount(), n, what, file);
                }
                float[] v = new float[n];
                if (hasRaw) {
                    raw.asFloatBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getFloatData(i);
                    }
                }
                return new OnnxTensor(t.getName(), dims, v, null);
            }
            case TensorProto.DataType.INT64_VALUE, TensorProto.DataType.INT32_VALUE -> {
                boolean wide = t.getDataType() == TensorProto.DataType.INT64_VALUE;
                if (hasRaw) {
                    checkBytes(raw, n, wide ? 8 : 4, what, file);
                } else {
                    checkCount(wide ? t.getInt64DataCount() : t.getInt32DataCount(), n, what, file);
                }
                long[] v = new long[n];
                if (hasRaw) {
                    for (int i = 0; i < n; i++) {
                        v[i] = wide ? raw.getLong() : raw.getInt();
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = wide ? t.getInt64Data(i) : t.getInt32Data(i);
                    }
                }
                return ofInts(t.getName(), dims, v);
            }
            default -> throw new SieveException("Model " + file + ": " + what + " has element type "
                    + TensorProto.DataType.forNumber(t.getDataType()) + "; Sieve reads float32 weights and"
                    + " int32/int64 shapes. Export the model in float32.");
        }
    }

    private static void checkBytes(ByteBuffer raw, int n, int width, String what, String file) {
        if (raw.remaining() != (long) n * width) {
            throw new SieveException("Model " + file + ": " + what + " holds " + raw.remaining() + " bytes where its"
                    + " shape needs " + (long) n * width + ". The file is damaged; export the model again.");
        }
    }

    private static void checkCount(int stored, int n, String what, String file) {
        if (stored != n) {
            throw new SieveException("Model " + file + ": " + what + " holds " + stored + " values where its"
                    + " shape needs " + n + ". The file is damaged; export the model again.");
        }
    }

    /** External data must lie inside the model's folder: no absolute paths, no "..", no symlinks out. */
    private static ByteBuffer external(TensorProto t, Path dir, String file, String what) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            NodeNames.checkPrintable(List.of(e.getKey(), e.getValue()), what + " gives external data", file);
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = parse(e.getValue(), what, file);
                case "length" -> length = parse(e.getValue(), what, file);
                default -> { }
            }
        }
        String refused = "Model " + file + ": " + what + " keeps its data in '" + location + "', ";
        if (location == null || location.isEmpty()) {
            throw new SieveException("Model " + file + ": " + what + " keeps its data in an external file"
                    + " without naming it. The file is damaged; export the model again.");
        }
        Path p = Path.of(location);
        if (p.isAbsolute() || location.contains("..") || location.startsWith("/") || location.contains("\\")) {
            throw new SieveException(refused + "outside the model's folder. Sieve reads external data only from"
                    + " files beside the model; move the data there and export again.");
        }
        try {
            Path root = dir.toRealPath();
            Path target = root.resolve(p).toRealPath();
            if (!target.startsWith(root)) {
                throw new SieveException(refused + "which links outside the model's folder. Copy the data file"
                        + " beside the model instead of linking it.");
            }
            if (!Files.isRegularFile(target)) {
                throw new SieveException(refused + "which is not a regular file (a folder, pipe or device)."
                        + " Put the data file beside the model.");
            }
            long size = Files.size(target);
            if (length < 0) {
                length = size - offset;
            }
            if (offset < 0 || length < 0 || length > size - offset || length > Integer.MAX_VALUE - 8) {
                throw new SieveException(refused + "at bytes " + offset + "+" + length + ", beyond its " + size
                        + " bytes. The data file is damaged or incomplete; export the model again.");
            }
            byte[] bytes = new byte[(int) length];
            try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "r")) {
                f.seek(offset);
                f.readFully(bytes);
            }
            return ByteBuffer.wrap(bytes);
        } catch (IOException e) {
            throw new SieveException(refused + "which cannot be read (" + e.getMessage() + "). Put the data file"
                    + " beside the model.", e);
        }
    }

    private static long parse(String value, String what, String file) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SieveException("Model " + file + ": " + what + " gives external data position '" + value
                    + "', which is not a number. The file is damaged; export the model again.");
        }
    }
}
