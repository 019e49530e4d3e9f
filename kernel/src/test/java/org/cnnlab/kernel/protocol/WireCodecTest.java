package org.cnnlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec codec = new WireCodec(new MessageSigner("secret", "hmac-sha256"));

    private Message request() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1+1");
        return Message.orphan("execute_request", "s1", content)
                .withIdentities(List.of("client".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void roundTripKeepsIdentitiesTypeAndContent() throws Exception {
        Message back = codec.decode(codec.encode(request()));
        assertEquals("execute_request", back.type());
        assertEquals("1+1", back.content().get("code").getAsString());
        assertEquals("client", new String(back.identities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void hmacMatchesPythonsReferenceValue() {
        // hmac.new(b"key", b"a" + b"b", hashlib.sha256).hexdigest()
        MessageSigner signer = new MessageSigner("key", "hmac-sha256");
        assertEquals("5c1c0c948cbef5ad7d191e46e5901fa0395f85f694fa4633f665a1a637017b65",
                signer.sign(List.of("a".getBytes(), "b".getBytes())));
        assertTrue(signer.verify(signer.sign(List.of("ab".getBytes())), List.of("a".getBytes(), "b".getBytes())));
    }

    @Test
    void wrongKeyIsRejected() {
        List<byte[]> frames = new WireCodec(new MessageSigner("other", "hmac-sha256")).encode(request());
        assertThrows(SignatureRejectedException.class, () -> codec.decode(frames));
    }

    @Test
    void unsignedMessageIsRejectedWhenAKeyIsSet() {
        List<byte[]> frames = new WireCodec(new MessageSigner("", "hmac-sha256")).encode(request());
        assertThrows(SignatureRejectedException.class, () -> codec.decode(frames));
    }

    @Test
    void tamperedContentIsRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.set(frames.size() - 1, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(SignatureRejectedException.class, () -> codec.decode(frames));
    }

    @Test
    void framesWithoutDelimiterAreMalformed() {
        assertThrows(MalformedMessageException.class, () -> codec.decode(List.of("x".getBytes())));
    }

    @Test
    void emptyKeyTurnsSigningOff() {
        MessageSigner off = new MessageSigner("", "hmac-sha256");
        assertFalse(off.enabled());
        assertEquals("", off.sign(List.of("a".getBytes())));
    }
}
