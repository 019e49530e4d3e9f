package org.cnnlab.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict pickle reader: the opcodes state dicts use, and a clear refusal of everything else. */
class StateDictPickleTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsADictOfPlainValues() {
        // protocol 2: {'a': 1, 'b': 'x'} built with EMPTY_DICT, MARK, SETITEMS
        byte[] p = bytes("\u0080\u0002}q\u0000(X\u0001\u0000\u0000\u0000aK\u0001X\u0001\u0000\u0000\u0000bX\u0001\u0000\u0000\u0000xu.");
        Map<String, Object> d = StateDictPickle.read(p, "test");
        assertEquals(1L, d.get("a"));
        assertEquals("x", d.get("b"));
    }

    @Test
    void refusesOpcodesThatBuildArbitraryObjects() {
        // INST 'i' creates an instance of a named class: never in a state dict.
        byte[] p = bytes("\u0080\u0002(ios\nsystem\nS'echo hi'\n.");
        String msg = assertThrows(WeightFileException.class, () -> StateDictPickle.read(p, "evil.pth")).getMessage();
        assertTrue(msg.startsWith("Refusing to read evil.pth: it uses pickle opcode 0x69 ('i')"), msg);
    }

    @Test
    void refusesAGlobalOutsideTheStateDictsFew() {
        byte[] p = bytes("\u0080\u0002ctorch.nn.modules.linear\nLinear\nq\u0000.");
        String msg = assertThrows(WeightFileException.class, () -> StateDictPickle.read(p, "model.pth")).getMessage();
        assertTrue(msg.contains("it names torch.nn.modules.linear.Linear"), msg);
        assertTrue(msg.contains("a whole model saved with torch.save(model, path)"), msg);
    }

    @Test
    void aCutFileIsDamagedNotACrash() {
        byte[] p = bytes("\u0080\u0002}q\u0000(X\u0009\u0000\u0000\u0000ab");
        String msg = assertThrows(WeightFileException.class, () -> StateDictPickle.read(p, "cut.pth")).getMessage();
        assertTrue(msg.contains("damaged"), msg);
        assertEquals(1.0f, Elements.half((short) 0x3c00));
        assertEquals(-2.0f, Elements.half((short) 0xc000));
        assertEquals(5.9604645e-8f, Elements.half((short) 0x0001));
    }
}
