package org.cnnlab;

/**
 * Claims a lesson makes, checked by running them: {@code check(net.parameterCount() == 61_706, "LeNet-5 has
 * 61,706 parameters")} prints the claim with a tick when it holds and fails the cell when it does not, so
 * a notebook whose text and numbers drift apart stops at the first false claim.
 */
public final class Checks {
    private Checks() {}

    /** Prints {@code ✓ claim}, or throws an {@link AssertionError} saying the claim is false. */
    public static void check(boolean holds, String claim) {
        if (!holds) {
            throw new AssertionError("✗ false: " + claim);
        }
        System.out.println("✓ " + claim);
    }

    /** Checks that two values are equal, showing both when they are not. */
    public static void checkEqual(Object expected, Object actual, String claim) {
        boolean same = expected == null ? actual == null
                : expected.equals(actual) || numbersEqual(expected, actual);
        if (!same) {
            throw new AssertionError("✗ false: " + claim + " (expected " + expected + ", got " + actual + ")");
        }
        System.out.println("✓ " + claim);
    }

    private static boolean numbersEqual(Object a, Object b) {
        return a instanceof Number && b instanceof Number && !(a instanceof Double || a instanceof Float
                || b instanceof Double || b instanceof Float) && ((Number) a).longValue() == ((Number) b).longValue();
    }
}
