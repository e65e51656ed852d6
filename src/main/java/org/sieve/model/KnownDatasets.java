package org.sieve.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sieve.SieveException;

/**
 * The training data sets Sieve has offline, by the name a model's metadata gives its {@code dataset},
 * with their class names: what decides whether a model's decoders can be trained on its own data.
 */
public final class KnownDatasets {

    private static final Map<String, List<String>> CLASS_NAMES = new TreeMap<>(Map.of(
            "mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            "fashion", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                    "Sneaker", "Bag", "Ankle boot")));

    private KnownDatasets() {
    }

    /** Whether Sieve can load {@code name} (its files come with Sieve or its scripts); false for null. */
    public static boolean known(String name) {
        return name != null && CLASS_NAMES.containsKey(name);
    }

    public static List<String> classNames(String name) {
        List<String> classes = CLASS_NAMES.get(name);
        if (classes == null) {
            throw new SieveException("Unknown dataset '" + name + "'; use one of " + CLASS_NAMES.keySet() + ".");
        }
        return classes;
    }
}
