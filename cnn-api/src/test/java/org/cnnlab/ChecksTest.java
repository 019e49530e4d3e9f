package org.cnnlab;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void aFalseClaimFailsWithItsWords() {
        assertDoesNotThrow(() -> Checks.check(true, "true holds"));
        assertEquals("✗ false: two is three", assertThrows(AssertionError.class,
                () -> Checks.check(false, "two is three")).getMessage());
        assertDoesNotThrow(() -> Checks.checkEqual(61_706, 61_706L, "int and long compare by value"));
        assertEquals("✗ false: counts (expected 5, got 6)", assertThrows(AssertionError.class,
                () -> Checks.checkEqual(5, 6, "counts")).getMessage());
    }
}
