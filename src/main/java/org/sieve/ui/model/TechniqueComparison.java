package org.sieve.ui.model;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sieve.model.ModelMetadata;

/**
 * One comparison of the Techniques menu: a variant trained by {@code sieve train} with one of the
 * techniques the paper examines, against the plain baseline its sieve.json names, with a paragraph
 * on what the technique does and what to look for.
 */
public record TechniqueComparison(String technique, ModelEntry baseline, ModelEntry variant) {

    /** Every variant among {@code models} whose baseline is among them too, in catalogue order. */
    public static List<TechniqueComparison> among(List<ModelMetadata> models, Map<String, Path> folders) {
        List<TechniqueComparison> out = new ArrayList<>();
        for (ModelMetadata m : models) {
            JsonObject t = m.training();
            if (!t.has("technique") || !t.has("baseline")) {
                continue;
            }
            String name = t.getAsJsonObject("technique").get("name").getAsString();
            String baselineId = t.get("baseline").getAsString();
            Optional<ModelMetadata> base = models.stream().filter(b -> b.id().equals(baselineId)).findFirst();
            if (base.isPresent() && !name.equals("none")) {
                out.add(new TechniqueComparison(name, ModelEntry.of(base.get(), folders.get(baselineId), false),
                        ModelEntry.of(m, folders.get(m.id()), false)));
            }
        }
        return out;
    }

    /** The menu's words, e.g. "Pruning: LeNet-5 (MNIST), pruned to 90 % against LeNet-5 (MNIST)". */
    public String title() {
        return heading() + ": " + variant.name() + " against " + baseline.name();
    }

    public String heading() {
        return switch (technique) {
            case "pruning" -> "Pruning";
            case "distillation" -> "Knowledge distillation";
            case "adversarial" -> "Adversarial training";
            default -> technique;
        };
    }

    /** What the technique does and what the maps and curves of the two panels can show about it. */
    public String explanation() {
        String panels = " Left: " + baseline.name() + "; right: " + variant.name() + ", on the same image, layers and"
                + " settings. Press Analyze and compare the entropy curves and the foreground/background gap; the"
                + " Techniques section of docs/findings.md gives the averages over the test images and says which"
                + " findings hold.";
        return switch (technique) {
            case "pruning" -> "Magnitude pruning (Han et al. 2015) removes the smallest weights and fine-tunes the"
                    + " rest, keeping the accuracy with a fraction of the connections. The question the metric asks:"
                    + " does a network with most of its weights gone discard the input in the same way, layer by"
                    + " layer and pixel by pixel, or does it keep less of the background and more of the strokes?"
                    + panels;
            case "distillation" -> "Knowledge distillation (Hinton et al. 2015) trains a small student on a larger"
                    + " teacher's softened outputs as well as the labels. Cheng et al. (CVPR 2020), whose entropy this"
                    + " metric refines, report that a distilled network learns more knowledge points than the same"
                    + " network trained on the labels alone, a larger share of them on the foreground." + panels;
            case "adversarial" -> "Adversarial training (Madry et al. 2018) trains on each image's worst"
                    + " perturbation within a small L-inf ball, found by projected gradient descent, so that faint"
                    + " pixel patterns cannot flip the decision. The entropy shows whether the robust network keeps"
                    + " less of the input, and whether what it keeps lies on the strokes rather than the background."
                    + panels;
            default -> "A variant trained with " + technique + "." + panels;
        };
    }

    @Override
    public String toString() {
        return title();
    }
}
