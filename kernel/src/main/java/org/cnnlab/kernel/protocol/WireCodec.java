package org.cnnlab.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns ZeroMQ frames into {@link Message}s and back:
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}.
 * Decoding checks the signature before it parses anything, refuses a message it has already seen (a
 * replay), and checks that the four signed frames are JSON objects; the fields inside are checked by
 * {@link Message#checkHeader()} and by the handlers, through {@link Fields}.
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final MessageSigner signer;
    private final ReplayGuard replays = new ReplayGuard();

    public WireCodec(MessageSigner signer) {
        this.signer = signer;
    }

    public Message decode(List<byte[]> frames) throws SignatureRejectedException, MalformedMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new MalformedMessageException("expected <IDS|MSG>, a signature and four JSON frames; got "
                    + frames.size() + " frames", null);
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 6);
        if (!signer.verify(signature, signed)) {
            throw new SignatureRejectedException(signature.isEmpty() ? "unsigned message" : "wrong signature");
        }
        if (signer.enabled() && !replays.firstTime(signature)) {
            throw new SignatureRejectedException("a replayed message (the same signed bytes were already received;"
                    + " a client sends every message with a new msg_id)");
        }
        try {
            return new Message(new ArrayList<>(frames.subList(0, delimiter)), json(signed.get(0)),
                    json(signed.get(1)), json(signed.get(2)), json(signed.get(3)),
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (JsonParseException | IllegalStateException e) {
            throw new MalformedMessageException("the header, parent header, metadata and content frames must each"
                    + " be a JSON object (" + e.getMessage() + ")", e);
        }
    }

    public List<byte[]> encode(Message m) {
        List<byte[]> signed = List.of(bytes(m.header()), bytes(m.parentHeader()), bytes(m.metadata()),
                bytes(m.content()));
        List<byte[]> frames = new ArrayList<>(m.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(signed).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(signed);
        frames.addAll(m.buffers());
        return frames;
    }

    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    public static com.google.gson.JsonElement toTree(Object value) {
        return GSON.toJsonTree(value);
    }

    private static JsonObject json(byte[] frame) {
        return JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }
}
