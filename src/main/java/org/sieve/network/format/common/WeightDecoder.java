package org.sieve.network.format.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.WeightTensor;

/** Decodes a weight group's little-endian bytes into float tensors, undoing tfjs quantisation. */
public final class WeightDecoder {

    private WeightDecoder() {
    }

    /**
     * @param groups each group's bytes, already checked to be exactly as long as the manifest says
     * @return every stored weight by its manifest name
     */
    public static Map<String, WeightTensor> decode(WeightsManifest manifest, List<byte[]> groups) {
        Map<String, WeightTensor> weights = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            ByteBuffer bytes = ByteBuffer.wrap(groups.get(g)).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightsManifest.Entry e : manifest.groups().get(g).weights()) {
                weights.put(e.name(), new WeightTensor(e.shape().clone(), values(e, bytes)));
            }
        }
        return weights;
    }

    /** Reads one weight's values from the buffer's position, advancing it past them. */
    private static float[] values(WeightsManifest.Entry e, ByteBuffer bytes) {
        float[] v = new float[Math.toIntExact(e.elementCount())];
        WeightsManifest.Quantization q = e.quantization();
        if (q == null && e.dtype().equals("float32")) {
            bytes.asFloatBuffer().get(v);
            bytes.position(bytes.position() + 4 * v.length);
            return v;
        }
        String stored = q == null ? e.dtype() : q.dtype();
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (stored) {
                case "int32" -> bytes.getInt();
                case "bool" -> bytes.get() == 0 ? 0f : 1f;
                case "float16" -> halfToFloat(bytes.getShort());
                // tfjs computes q * scale + min in double precision, then stores float32.
                case "uint8" -> (float) ((bytes.get() & 0xff) * q.scale() + q.min());
                case "uint16" -> (float) ((bytes.getShort() & 0xffff) * q.scale() + q.min());
                default -> throw new IllegalStateException("manifest admitted dtype " + stored);
            };
        }
        return v;
    }

    /** IEEE 754 half to float; exact, since every half value is a float value. */
    public static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
