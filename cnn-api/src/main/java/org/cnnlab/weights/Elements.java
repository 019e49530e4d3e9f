package org.cnnlab.weights;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Raw little-endian numbers of the element types weight files use, converted to float32. */
final class Elements {
    private Elements() {}

    /**
     * {@code raw}'s numbers as floats; {@code type} as PyTorch ({@code Float}, {@code Half}…) or safetensors
     * ({@code F32}, {@code F16}…) names it.
     */
    static float[] floats(ByteBuffer raw, String type, Path file) {
        int bytes = raw.remaining();
        switch (type) {
            case "Float", "F32" -> {
                float[] out = new float[bytes / 4];
                raw.asFloatBuffer().get(out);
                return out;
            }
            case "Double", "F64" -> {
                float[] out = new float[bytes / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) raw.getDouble();
                }
                return out;
            }
            case "Half", "F16" -> {
                float[] out = new float[bytes / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = half(raw.getShort());
                }
                return out;
            }
            case "BFloat16", "BF16" -> {
                float[] out = new float[bytes / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((raw.getShort() & 0xffff) << 16);
                }
                return out;
            }
            case "Long", "I64" -> {
                float[] out = new float[bytes / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = raw.getLong();
                }
                return out;
            }
            default -> throw new WeightFileException(file + " holds numbers of type " + type + ", which are not weights "
                    + "cnnlab can use (it takes float32, float64, float16, bfloat16).");
        }
    }

    /** IEEE 754 half precision (1 sign, 5 exponent, 10 fraction bits) to float. */
    static float half(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | fraction << 13);
        }
        if (exponent == 0) {
            float value = fraction * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | fraction << 13);
    }
}
