package org.cnnlab.kernel.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the signatures of the last {@link #CAPACITY} signed messages, so that a message captured on the
 * wire and sent again is refused instead of running twice. A signature covers the header, whose msg_id is
 * new for every message a real client sends, so a repeat can only be a replay. The memory is bounded:
 * the oldest signature is forgotten first (jupyter_client's Session keeps the same number).
 */
final class ReplayGuard {
    static final int CAPACITY = 1 << 16;

    private final Set<String> seen = new HashSet<>();
    private final Deque<String> order = new ArrayDeque<>();

    /** True the first time a signature is offered; false for a repeat. */
    synchronized boolean firstTime(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        order.addLast(signature);
        if (order.size() > CAPACITY) {
            seen.remove(order.removeFirst());
        }
        return true;
    }
}
