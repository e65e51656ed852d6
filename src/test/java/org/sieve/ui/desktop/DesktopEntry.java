package org.sieve.ui.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed desktop entry (packaging/linux/sieve.desktop): its Exec line, expanded as a file
 * manager expands it for files opened with Sieve.
 */
record DesktopEntry(List<String> exec) {

    static final Path FILE = Path.of("packaging", "linux", "sieve.desktop");

    static DesktopEntry installed() {
        try {
            String line = Files.readAllLines(FILE).stream().filter(l -> l.startsWith("Exec=")).findFirst()
                    .orElseThrow(() -> new AssertionError(FILE + " has no Exec line"));
            return new DesktopEntry(List.of(line.substring("Exec=".length()).trim().split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program's arguments for these files: %F is every file, %f one, %U/%u the same as file URLs. */
    List<String> arguments(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (String word : exec.subList(1, exec.size())) {
            switch (word) {
                case "%F" -> files.forEach(f -> out.add(f.toString()));
                case "%f" -> out.add(files.get(0).toString());
                case "%U" -> files.forEach(f -> out.add(f.toUri().toString()));
                case "%u" -> out.add(files.get(0).toUri().toString());
                default -> out.add(word);
            }
        }
        return out;
    }

    String program() {
        return exec.get(0);
    }
}
