package org.sieve.ui;

import java.nio.file.Path;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.network.format.ModelCatalogue;

/**
 * Where the explorer finds things and what it keeps.
 *
 * @param home      folder holding assets/models and sample-images
 * @param stateFile where the last model, image, layers, settings and window are kept; null for none
 * @param useCache  whether analyses read and write the result cache
 * @param settings  settings to start with instead of the saved ones, or null
 */
public record ExplorerConfig(Path home, Path stateFile, boolean useCache, DiscardingSettings settings) {

    /** The installed explorer: sieve.home, the user's config folder, the result cache. */
    public static ExplorerConfig standard() {
        Path home = Path.of(System.getProperty("sieve.home", "."));
        return new ExplorerConfig(home, configFolder().resolve("explorer.json"), true, null);
    }

    /** -Dsieve.config, else $XDG_CONFIG_HOME/sieve, else ~/.config/sieve. */
    static Path configFolder() {
        String explicit = System.getProperty("sieve.config");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("sieve");
    }

    public ModelCatalogue catalogue() {
        return new ModelCatalogue(home.resolve("assets").resolve("models"), java.util.List.of());
    }

    public Path sampleImages() {
        return home.resolve("sample-images");
    }
}
