package org.cnnlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    @Test
    void aRepeatIsRefusedUntilForgottenOldestFirst() {
        ReplayGuard guard = new ReplayGuard();
        assertTrue(guard.firstTime("a"));
        assertFalse(guard.firstTime("a"));
        for (int i = 0; i < ReplayGuard.CAPACITY; i++) {
            assertTrue(guard.firstTime("s" + i));
        }
        assertTrue(guard.firstTime("a"), "the oldest signature is forgotten once the memory is full");
        assertFalse(guard.firstTime("s" + (ReplayGuard.CAPACITY - 1)));
    }
}
