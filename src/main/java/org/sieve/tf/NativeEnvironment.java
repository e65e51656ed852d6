package org.sieve.tf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets environment variables of this process for native libraries that read them when they
 * load (TensorFlow's log level, its CPU allocator), so every launcher, the tests included, runs
 * TensorFlow alike.
 */
final class NativeEnvironment {

    private interface Posix extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private interface Msvcrt extends Library {
        int _putenv_s(String name, String value);
    }

    private NativeEnvironment() {
    }

    /** Sets {@code name} unless the user already did; failures leave the default in place. */
    static void setDefault(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            if (Platform.isWindows()) {
                Native.load("msvcrt", Msvcrt.class)._putenv_s(name, value);
            } else {
                Native.load("c", Posix.class).setenv(name, value, 0);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // Only log verbosity and the allocator's speed depend on this.
        }
    }
}
