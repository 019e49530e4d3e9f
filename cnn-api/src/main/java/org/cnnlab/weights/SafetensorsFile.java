package org.cnnlab.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header giving each
 * tensor's type, shape and byte range, then the raw little-endian numbers. Nothing in it is code, which is
 * why it was made.
 */
final class SafetensorsFile {
    private static final long MAX_HEADER = 100L << 20;

    private SafetensorsFile() {}

    static Map<String, StoredTensor> read(Path file) throws IOException {
        long fileSize = Files.size(file);
        JsonObject header;
        long dataStart;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.flip().getLong();
            if (n <= 1 || n > MAX_HEADER || 8 + n > fileSize) {
                throw new WeightFileException(file + " does not start like a .safetensors file: its first 8 bytes give a "
                        + "header of " + n + " bytes in a file of " + fileSize + ".");
            }
            ByteBuffer json = ByteBuffer.allocate((int) n);
            readFully(ch, json, 8);
            header = JsonParser.parseString(new String(json.array(), StandardCharsets.UTF_8)).getAsJsonObject();
            dataStart = 8 + n;
        } catch (IllegalStateException | com.google.gson.JsonParseException e) {
            throw new WeightFileException(file + " has a header that is not a JSON object: " + e.getMessage(), e);
        }
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonObject t = e.getValue().getAsJsonObject();
            JsonArray dims = t.getAsJsonArray("shape");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).getAsLong();
            }
            long begin = dataStart + t.getAsJsonArray("data_offsets").get(0).getAsLong();
            long end = dataStart + t.getAsJsonArray("data_offsets").get(1).getAsLong();
            if (begin > end || end > fileSize) {
                throw new WeightFileException(file + ": tensor " + e.getKey() + " lies at bytes " + begin + " to " + end
                        + ", past the end of the file (" + fileSize + " bytes): the file is cut short.");
            }
            String type = t.get("dtype").getAsString();
            out.put(e.getKey(), new StoredTensor(e.getKey(), type, shape, x -> numbers(file, begin, end, type)));
        }
        return out;
    }

    /** Writes {@code tensors} (name to shape and float32 numbers) as a .safetensors file. */
    static void write(Path file, Map<String, long[]> shapes, Map<String, float[]> values) throws IOException {
        JsonObject header = new JsonObject();
        long at = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue()) {
                shape.add(d);
            }
            t.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(at);
            at += 4L * values.get(e.getKey()).length;
            offsets.add(at);
            t.add("data_offsets", offsets);
            header.add(e.getKey(), t);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            for (String name : shapes.keySet()) {
                float[] v = values.get(name);
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                out.write(b.array());
            }
        }
    }

    private static float[] numbers(Path file, long begin, long end, String type) {
        if (end - begin > Integer.MAX_VALUE) {
            throw new WeightFileException(file + ": one tensor of " + (end - begin) + " bytes is more than cnnlab "
                    + "reads at once.");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer raw = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, raw, begin);
            return Elements.floats(raw.flip(), type, file);
        } catch (IOException e) {
            throw new WeightFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new WeightFileException("The file ends at byte " + pos + " before what its header promises.");
            }
            pos += n;
        }
    }
}
