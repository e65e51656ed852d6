package org.sieve.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.io.AtomicFiles;
import org.sieve.io.BoundedFiles;

/** Class labels for a model's outputs: a text file with one label per line, or the built-in ImageNet-1k list. */
public final class Labels {

    /** The keyword that stands for the built-in list. */
    public static final String IMAGENET = "imagenet";
    private static final String IMAGENET_RESOURCE = "/org/sieve/labels/imagenet-1k.txt";
    /** The largest labels file read: ImageNet-21k's names take under 1 MB. */
    public static final long MAX_BYTES = 4L << 20;

    private Labels() {
    }

    /** "imagenet" or the path of a labels file. */
    public static List<String> read(String fileOrImagenet) {
        if (fileOrImagenet.equals(IMAGENET)) {
            return imagenet();
        }
        Path file = Path.of(fileOrImagenet);
        try {
            return lines(new String(BoundedFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SieveException("Cannot read labels file " + file + " (" + AtomicFiles.reason(e)
                    + "). Give a text file of at most 4 MB with one label per line, or 'imagenet'.", e);
        }
    }

    /** The 1000 ImageNet-1k class names in class-index order. */
    public static List<String> imagenet() {
        try (InputStream in = Labels.class.getResourceAsStream(IMAGENET_RESOURCE)) {
            return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8), IMAGENET_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in ImageNet labels are missing from the build", e);
        }
    }

    /** One label per line; trailing blank lines are ignored, blank lines inside are an error. */
    private static List<String> lines(String text, String source) {
        List<String> labels = text.strip().lines().map(String::strip).toList();
        int blank = labels.indexOf("");
        if (labels.isEmpty() || blank >= 0) {
            throw new SieveException("Labels file " + source + (labels.isEmpty() ? " is empty"
                    : " has an empty line " + (blank + 1)) + ". Give one label per line, in the order of the model's outputs.");
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).chars().anyMatch(Character::isISOControl)) {
                throw new SieveException("Labels file " + source + ": line " + (i + 1) + " holds a control character"
                        + " (a tab or terminal escape). Give each label as plain text.");
            }
        }
        return labels;
    }
}
