package org.cnnlab.engine;

public final class NativeCheck {
    private NativeCheck() {}

    public static void verify() {
    }
}
