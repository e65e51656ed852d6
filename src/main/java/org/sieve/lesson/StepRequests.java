package org.sieve.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.SettingsResolver;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelCatalogue;

/**
 * Makes a lesson's steps into analysis requests: models by id from the catalogue (or a folder
 * beside the lesson file), images beside the lesson file or in Sieve's home folder, layers checked
 * against the model, settings resolved against it as the explorer and the command line resolve
 * them, so that a step prepared by one is found in the cache by the other. Models are read once.
 */
public final class StepRequests {

    private final ModelCatalogue catalogue;
    private final Path lessonFolder;
    private final Path home;
    /** The lesson file's name for messages, with its comma: "lesson.json, "; empty without a file. */
    private final String fileName;
    private final Map<String, Model> models = new HashMap<>();

    /**
     * @param lessonFile the lesson's file, whose folder relative paths start from; null for none
     * @param home       Sieve's home folder (sample-images, assets), the second place images are looked for
     */
    public StepRequests(ModelCatalogue catalogue, Path lessonFile, Path home) {
        this.catalogue = catalogue;
        Path parent = lessonFile == null ? null : lessonFile.toAbsolutePath().getParent();
        this.lessonFolder = parent == null ? home : parent;
        this.home = home;
        this.fileName = lessonFile == null ? "" : lessonFile.getFileName() + ", ";
    }

    /** The installation's: the bundled catalogue and sieve.home. */
    public static StepRequests installed(Path lessonFile) {
        return new StepRequests(new ModelCatalogue(), lessonFile, Path.of(System.getProperty("sieve.home", ".")));
    }

    /** Every panel of every step, in order. */
    public List<PanelRequest> all(Lesson lesson) {
        List<PanelRequest> out = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            out.addAll(of(lesson.steps().get(i), i + 1));
        }
        return out;
    }

    /** The step's panels; a model, image or layer that cannot be used is refused naming the step and field. */
    public List<PanelRequest> of(LessonStep step, int number) {
        List<PanelRequest> out = new ArrayList<>();
        List<PanelView> panels = step.view().panels();
        for (int i = 0; i < panels.size(); i++) {
            String where = fileName + "step " + number + " (\"" + step.title() + "\"), field view.panels[" + i + "].";
            PanelView p = panels.get(i);
            Model model = located(where + "model", () -> model(p.model()));
            Path file = located(where + "image", () -> image(p.image()));
            List<String> layers = located(where + "layers", () -> model.network().inOrder(p.layers()));
            ModelMetadata meta = model.metadata();
            PreparedImage image = located(where + "image", () -> ImageLoader.load(file, meta.input(), p.fit(),
                    p.region()));
            ForegroundMask mask = located(where + "mask", () -> mask(p.mask(), image));
            var settings = located(fileName + "step " + number + " (\"" + step.title() + "\"), field view.settings",
                    () -> SettingsResolver.resolve(step.view().settings(), meta, layers.size()));
            String name = meta.name() == null || meta.name().isBlank() ? meta.id() : meta.name();
            out.add(new PanelRequest(number, i == 0 ? "A" : "B", name + " · " + file.getFileName(),
                    new AnalysisRequest(model, image, layers, mask, settings)));
        }
        return out;
    }

    /** The model a panel names: a bundled id, or a model folder or file beside the lesson. */
    public synchronized Model model(String ref) {
        Model known = models.get(ref);
        if (known != null) {
            return known;
        }
        Path beside = lessonFolder.resolve(ref);
        Model model = catalogue.folderOf(ref) == null && Files.exists(beside) ? catalogue.resolve(beside.toString())
                : catalogue.resolve(ref);
        models.put(ref, model);
        return model;
    }

    /** The image file a panel names: beside the lesson file, else in Sieve's home folder. */
    public Path image(String ref) {
        for (Path base : List.of(lessonFolder, home)) {
            Path file = base.resolve(ref);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new SieveException("There is no image file '" + ref + "' in " + lessonFolder.toAbsolutePath()
                + (lessonFolder.equals(home) ? "" : " or " + home.toAbsolutePath()) + "; give a path relative to"
                + " the lesson file or to Sieve's folder, e.g. sample-images/mnist/0-7.png.");
    }

    private static ForegroundMask mask(String spec, PreparedImage image) {
        return switch (spec) {
            case PanelView.NO_MASK -> null;
            case PanelView.AUTO_MASK -> new ForegroundChoice.Auto().on(image);
            default -> ForegroundMask.rectangle(spec, image);
        };
    }

    /** What {@code work} makes, or its refusal prefixed with the step and field it concerns. */
    private static <T> T located(String where, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SieveException e) {
            throw new LessonFileException(where + ": " + e.getMessage(), e);
        }
    }
}
