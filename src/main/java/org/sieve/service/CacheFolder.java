package org.sieve.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the result cache lives: the platform's user cache folder, or the system property sieve.cache;
 * and where the installation's prepared results are.
 */
final class CacheFolder {

    static final String PROPERTY = "sieve.cache";

    private CacheFolder() {
    }

    /**
     * The results shipped with the installation, which the cache consults read-only: the bundled
     * lessons' steps, prepared when the package was built ({@code sieve lesson prepare --into}).
     */
    static Path prepared() {
        return Path.of(System.getProperty("sieve.home", "."), "assets", "lessons", "prepared");
    }

    static Path resolve() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * @param property system properties (sieve.cache, os.name, user.home)
     * @param env      environment variables (XDG_CACHE_HOME, LOCALAPPDATA)
     */
    static Path resolve(UnaryOperator<String> property, UnaryOperator<String> env) {
        String override = property.apply(PROPERTY);
        if (isSet(override)) {
            return Path.of(override);
        }
        Path home = Path.of(property.apply("user.home"));
        String os = String.valueOf(property.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            return (isSet(local) ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                    .resolve("Sieve").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("Sieve");
        }
        // The XDG specification says relative values are invalid and must be ignored.
        String xdg = env.apply("XDG_CACHE_HOME");
        return (isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache")).resolve("sieve");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
