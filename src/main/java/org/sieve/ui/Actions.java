package org.sieve.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.sieve.analysis.ResultFiles;
import org.sieve.image.ImageLoader;
import org.sieve.image.ImageScan;
import org.sieve.image.PreparedImage;
import org.sieve.image.RequestedRegion;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Labels;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.model.PixelNormalization;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.network.format.ModelFormats;
import org.sieve.network.format.ModelImport;
import org.sieve.render.Png;
import org.sieve.report.Captions;
import org.sieve.report.ComparisonSheet;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetPanel;
import org.sieve.report.SheetSize;
import org.sieve.ui.lesson.LessonSession;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.InputKind;
import org.sieve.ui.model.KindChoice;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.LayerInfo;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.FileModelSettings;
import org.sieve.ui.model.ModelEntry;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunEstimate;
import org.sieve.ui.model.TechniqueComparison;
import org.sieve.ui.model.UserMessage;
import org.sieve.ui.work.AnalysisRunner;
import org.sieve.ui.work.Background;
import org.sieve.ui.work.Errors;
import org.sieve.ui.work.KindMemory;
import org.sieve.ui.work.LiveFollower;
import org.sieve.ui.work.RunTimes;

/**
 * Everything the user can do, as methods the views and shortcuts call on the FX thread. Slow
 * parts (reading files, rendering sheets) run in the background; analyses go to the service.
 */
public final class Actions {

    private final AppModel app;
    private final ExplorerConfig config;
    private final Background background;
    private final AnalysisRunner runner;
    private final LiveFollower live;
    private final LessonSession lessons;
    private final RunTimes times;
    private final Map<PanelState, KindMemory> kinds = new HashMap<>();

    Actions(AppModel app, ExplorerConfig config, Background background, AnalysisRunner runner) {
        this.app = app;
        this.config = config;
        this.background = background;
        this.runner = runner;
        this.times = new RunTimes(app, background);
        for (PanelState panel : List.of(app.panelA(), app.panelB())) {
            // Where the panels share the image, panel A's model decides it: B's model switches leave it alone.
            kinds.put(panel, new KindMemory(panel, this::firstSample, file -> openImage(panel, file),
                    () -> panel == app.panelB() && app.compare().get() && app.compareKind().get().sharesImage()));
        }
        this.live = new LiveFollower(app, app::tell);
        this.lessons = new LessonSession(this, runner.service(), config.catalogue(), config.home());
        app.compareKind().addListener((obs, was, kind) -> {
            if (app.compare().get()) {
                initialiseSecondPanel();
            }
        });
    }

    public AppModel app() {
        return app;
    }

    public Background background() {
        return background;
    }

    /** The lesson being made or played; {@code lessons().open(file)} opens a lesson file. */
    public LessonSession lessons() {
        return lessons;
    }

    /** Lists the bundled models into the picker, keeping models the user opened. */
    void loadCatalogue(Runnable then) {
        ModelCatalogue catalogue = config.catalogue();
        record Listed(List<ModelEntry> entries, List<TechniqueComparison> techniques) {
        }
        background.run(() -> {
            List<ModelMetadata> models = catalogue.list();
            Map<String, Path> folders = new HashMap<>();
            models.forEach(m -> folders.put(m.id(), catalogue.folderOf(m.id())));
            return new Listed(models.stream().map(m -> ModelEntry.of(m, folders.get(m.id()), false)).toList(),
                    TechniqueComparison.among(models, folders));
        }, listed -> {
            List<ModelEntry> recent = app.models().stream().filter(ModelEntry::recent).toList();
            app.models().setAll(listed.entries());
            recent.forEach(this::addRecent);
            app.techniques().setAll(listed.techniques());
            then.run();
        }, failure -> {
            app.tell(Errors.message("Cannot list the bundled models", failure));
            then.run();
        });
    }

    /** The sample images, digits first, then clothing, then photographs. */
    void loadSamples() {
        Path root = config.sampleImages();
        background.run(() -> {
            if (!Files.isDirectory(root)) {
                return List.<Path>of();
            }
            try (Stream<Path> files = Files.walk(root, 2)) {
                return files.filter(Actions::isImage).sorted(Comparator
                        .comparing((Path p) -> groupOrder(root.relativize(p)))
                        .thenComparing(Actions::sampleNumber).thenComparing(Path::toString)).toList();
            }
        }, images -> app.sampleImages().setAll(images));
    }

    private static int groupOrder(Path relative) {
        String first = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        return switch (first) {
            case "mnist" -> 0;
            case "fashion" -> 1;
            default -> 2;
        };
    }

    /** Sample files are named like "12-label.png"; sort them by that number. */
    private static int sampleNumber(Path p) {
        String name = p.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Integer.parseInt(name.substring(0, dash)) : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static boolean isImage(Path p) {
        return Files.isRegularFile(p) && ImageScan.isImage(p);
    }

    /** The first sample image for models of this kind, or null before the samples are listed. */
    private Path firstSample(InputKind kind) {
        return app.sampleImages().stream().filter(p -> sampleGroup(p).equals(kind.sampleGroup())).findFirst()
                .orElse(null);
    }

    /** Which group a sample belongs to: "mnist", "fashion" or "photos". */
    public String sampleGroup(Path p) {
        Path rel = config.sampleImages().relativize(p);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "photos";
    }

    public void chooseModel(PanelState panel, ModelEntry entry) {
        if (entry == null || (panel.model().get() != null && entry.dir() != null
                && entry.dir().equals(panel.model().get().model().dir()))) {
            return;
        }
        // The old model's maps go at once, not when the new model has been read.
        panel.result().set(null);
        panel.live().set(null);
        loadModel(panel, entry.dir(), loaded -> panel.model().set(loaded));
    }

    /**
     * Asks what a model file without sieve.json needs (normalisation, labels); null when the user
     * cancels. The window sets a dialog; without one the file is fed as it is.
     */
    public interface ModelQuestion {
        FileModelSettings ask(Path file, Model model);
    }

    private ModelQuestion modelQuestion = (file, model) -> new FileModelSettings("none", null);

    public void modelQuestion(ModelQuestion question) {
        this.modelQuestion = question;
    }

    /** A model folder or model file (any recognised format), chosen or dropped by the user: opened in the active panel. */
    public void openModel(Path path) {
        PanelState panel = app.active().get();
        loadModel(panel, path, loaded -> {
            addRecent(ModelEntry.of(loaded.metadata(), path, !isBundled(path)));
            panel.model().set(loaded);
        });
    }

    private boolean isBundled(Path dir) {
        return app.models().stream().anyMatch(e -> !e.recent() && dir.equals(e.dir()));
    }

    private void addRecent(ModelEntry entry) {
        if (!entry.recent() || app.models().stream().anyMatch(e -> entry.dir().equals(e.dir()))) {
            return;
        }
        app.models().add(entry);
    }

    /**
     * Reads the model off the FX thread; a file without sieve.json first gets the user's answer
     * (asked once per file, then remembered).
     */
    private void loadModel(PanelState panel, Path path, java.util.function.Consumer<LoadedModel> then) {
        panel.loading().set(true);
        kinds.get(panel).modelAsked();
        java.util.function.Consumer<Throwable> failed = failure -> {
            panel.loading().set(false);
            app.tell(Errors.message("Cannot open the model " + path, failure));
        };
        background.run(() -> {
            Model model = ModelFormats.open(path);
            return model.dir() == null ? model : LoadedModel.of(model);
        }, read -> {
            if (read instanceof LoadedModel loaded) {
                panel.loading().set(false);
                then.accept(loaded);
                return;
            }
            Model model = (Model) read;
            String key = path.toAbsolutePath().normalize().toString();
            FileModelSettings answer = app.fileModels().get(key);
            if (answer == null) {
                answer = modelQuestion.ask(path, model);
            }
            if (answer == null) {
                panel.loading().set(false);
                return;
            }
            FileModelSettings settings = answer;
            background.run(() -> LoadedModel.of(describe(model, settings, path)), loaded -> {
                app.fileModels().put(key, settings);
                panel.loading().set(false);
                then.accept(loaded);
            }, failed);
        }, failed);
    }

    /** The model file with the user's normalisation and labels, as {@code sieve import} would save it. */
    static Model describe(Model model, FileModelSettings settings, Path file) {
        int channels = model.network().input().channels();
        return new ModelImport(model.id(), null, PixelNormalization.parse(settings.normalization(), channels),
                settings.labels() == null ? List.of() : Labels.read(settings.labels()), null).applyTo(model, file);
    }

    /** An image file for the active panel. */
    public void openImage(Path file) {
        openImage(app.active().get(), file);
    }

    public void openImage(PanelState panel, Path file) {
        openImage(panel, file, null);
    }

    /** An image file for the panel, with the region of it to analyse (null: all of it). */
    public void openImage(PanelState panel, Path file, RequestedRegion region) {
        background.run(() -> ImageSource.ofFile(file, decode(file)), source -> {
            panel.image().set(source);
            panel.region().set(region);
        }, failure -> app.tell(Errors.message("Cannot open the image " + file.getFileName(), failure)));
    }

    /** An input a restart brings back for a kind of model not shown now, unless one was chosen meanwhile. */
    void rememberInput(PanelState panel, InputKind kind, Path file, RequestedRegion region, MaskSpec foreground) {
        background.run(() -> ImageSource.ofFile(file, decode(file)),
                source -> panel.choiceByKind().putIfAbsent(kind, new KindChoice(source, region, foreground)),
                failure -> {
                    // A remembered image that cannot be read any more is simply not brought back.
                });
    }

    /** Decodes for display, under the image loader's checks and with its explanations. */
    static BufferedImage decode(Path file) {
        return ImageLoader.picture(file);
    }

    /** Pixels from the drawing pad or the clipboard, for the active panel. */
    public void useImage(String name, BufferedImage pixels) {
        app.active().get().image().set(ImageSource.inMemory(name, pixels));
    }

    /**
     * The pen touched the pad: the drawing becomes the image at once, so the last image's maps,
     * name and predictions go, and in live mode the maps follow the pen from here.
     */
    public void penDown(BufferedImage drawing) {
        useImage("drawing", drawing);
        followDrawing(drawing);
    }

    /** The drawing while the pen moves: in live mode the active panel's maps follow it. */
    public void followDrawing(BufferedImage drawing) {
        if (app.liveMaps().get()) {
            live.follow(app.active().get(), drawing, "drawing", null, app.settings().get());
        }
    }

    /** The explorer closes: live mode's worker stops with it. */
    public void close() {
        live.close();
    }

    /** The pen lifted: the drawing becomes the image, and in live mode the full analysis refines the maps. */
    public void useDrawing(BufferedImage drawing) {
        PanelState panel = app.active().get();
        boolean refine = app.liveMaps().get() && LiveFollower.possible(panel, app.settings().get());
        useImage("drawing", drawing);
        live.release();
        if (refine) {
            whenReady(panel, panel.image().get(), () -> runner.start(panel, app.settings().get()));
        }
    }

    /** The crop box while it is dragged ({@code region} null: the whole photo): in live mode the maps follow it. */
    public void followRegion(PanelState panel, RequestedRegion region) {
        ImageSource source = panel.image().get();
        if (app.liveMaps().get() && source != null) {
            live.follow(panel, source.pixels(), source.name(), region, app.settings().get());
        }
    }

    /**
     * The crop box released: the region becomes the panel's, and in live mode the full analysis
     * refines the maps that followed it (a box released where it was only drops them).
     */
    public void useRegion(PanelState panel, RequestedRegion region) {
        boolean refine = app.liveMaps().get() && LiveFollower.possible(panel, app.settings().get());
        boolean moved = !Objects.equals(region, panel.region().get());
        live.release();
        panel.region().set(region);
        if (refine && moved) {
            whenReady(panel, panel.image().get(), () -> runner.start(panel, app.settings().get()));
        } else {
            panel.live().set(null);
        }
    }

    /**
     * Runs {@code then} once the panel has prepared {@code image} (or its new region) for its model
     * and, where it has a foreground, derived it (both in the background); an analysis started
     * earlier would be outdated the moment it arrives. Nothing runs if the image changes first.
     */
    private static void whenReady(PanelState panel, ImageSource image, Runnable then) {
        ChangeListener<PreparedImage> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends PreparedImage> o, PreparedImage was, PreparedImage now) {
                if (panel.image().get() != image) {
                    panel.ready().removeListener(this);
                } else if (now != null) {
                    panel.ready().removeListener(this);
                    then.run();
                }
            }
        };
        panel.ready().addListener(listener);
    }

    /** The pad was cleared: live mode's next frame starts afresh. */
    public void newDrawing() {
        live.newDrawing();
    }

    /**
     * Files dropped on the window, pasted or given at start: an image opens as the image, a
     * lesson file as the lesson, anything else as a model (recognised by content, so a wrong file gets the model reader's
     * explanation).
     */
    public void openFiles(List<File> files) {
        for (File f : files) {
            Path p = f.toPath();
            switch (FileArguments.Kind.of(p)) {
                case IMAGE -> openImage(p);
                case LESSON -> lessons().open(p);
                case MODEL -> openModel(p);
            }
        }
    }

    /**
     * Analyses every panel; where that is expected to take longer than {@link RunEstimate#ASK_ABOVE_SECONDS},
     * only once the user says so.
     */
    public void analyze() {
        List<PanelState> panels = app.panels();
        var settings = app.settings().get();
        RunEstimate[] total = {null};
        int[] left = {panels.size()};
        for (PanelState p : panels) {
            times.estimate(p, settings, e -> {
                total[0] = RunEstimate.sum(total[0], e);
                if (--left[0] == 0 && (total[0] == null || !total[0].asksFirst()
                        || longRunQuestion.analyzeAnyway(total[0], layerCount(panels)))) {
                    start(panels, settings);
                }
            });
        }
    }

    /**
     * Starts every panel's analysis at once, neither estimated nor asked about: a lesson's step,
     * whose results were prepared into the cache or whose run is the lesson's own choice.
     */
    public void analyzeNow() {
        start(app.panels(), app.settings().get());
    }

    private void start(List<PanelState> panels, DiscardingSettings settings) {
        panels.forEach(p -> runner.start(p, settings));
    }

    private static int layerCount(List<PanelState> panels) {
        return panels.stream().mapToInt(p -> p.selectedLayers().size()).sum();
    }

    /** Asked before an analysis expected to take long starts: whether to start it all the same. */
    public interface LongRunQuestion {
        boolean analyzeAnyway(RunEstimate expected, int layers);
    }

    private LongRunQuestion longRunQuestion = (expected, layers) -> true;

    public void longRunQuestion(LongRunQuestion question) {
        this.longRunQuestion = question;
    }

    public void cancel() {
        for (PanelState p : List.of(app.panelA(), app.panelB())) {
            runner.cancel(p);
        }
    }

    public boolean running() {
        return runner.running();
    }

    /** Compare mode on or off; switching on starts panel B from A with the compared part changed. */
    public void compare(boolean on) {
        if (app.compare().get() == on) {
            return;
        }
        app.compare().set(on);
        if (on) {
            initialiseSecondPanel();
        }
    }

    /**
     * A technique's comparison: compare mode on two models, the baseline in panel A and the variant
     * in B, on A's image with A's layers (the same architecture has the same layers).
     */
    public void openComparison(TechniqueComparison c) {
        app.compareKind().set(CompareKind.TWO_MODELS);
        compare(true);
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        loadModel(a, c.baseline().dir(), base -> {
            a.model().set(base);
            loadModel(b, c.variant().dir(), variant -> {
                b.model().set(variant);
                b.layerPick().set(a.layerPick().get());
                b.selectedLayers().setAll(a.selectedLayers());
            });
        });
    }

    /** Panel B as a restart brings it back: its model, image, region and foreground; any may be null. */
    private record SecondPanel(ModelEntry model, Path image, RequestedRegion region, MaskSpec foreground) {
    }

    private SecondPanel restoring;

    /** Compare mode as the explorer was closed in it, panel B with the model and input it had (where they still exist). */
    void compareAgain(ModelEntry model, Path image, RequestedRegion region, MaskSpec foreground) {
        restoring = new SecondPanel(model, image, region, foreground);
        compare(true);
    }

    private void initialiseSecondPanel() {
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        CompareKind kind = app.compareKind().get();
        SecondPanel saved = restoring == null ? new SecondPanel(null, null, null, null) : restoring;
        restoring = null;
        if (!kind.sharesImage()) {
            b.resizeMode().set(a.resizeMode().get());
            b.maskSpec().set(saved.foreground() == null ? a.maskSpec().get() : saved.foreground());
            b.image().set(a.image().get());
            Path next = saved.image() != null ? saved.image() : nextSample(a.image().get());
            if (next != null) {
                openImage(b, next, saved.region());
            }
        }
        if (!kind.sharesModel()) {
            b.model().set(a.model().get());
            ModelEntry other = saved.model() != null ? saved.model() : otherModel(a.model().get());
            if (other != null) {
                loadModel(b, other.dir(), loaded -> b.model().set(loaded));
            }
        }
        if (!kind.sharesLayers() && a.model().get() != null) {
            List<String> all = a.model().get().layers().stream().map(LayerInfo::name).toList();
            b.selectedLayers().setAll(kind == CompareKind.TWO_LAYER_SETS && !all.equals(a.selectedLayers())
                    ? all : a.selectedLayers());
        }
    }

    /** Another bundled model for the same kind of input, preferring the same data set. */
    private ModelEntry otherModel(LoadedModel current) {
        if (current == null) {
            return null;
        }
        ModelMetadata m = current.metadata();
        return app.models().stream().filter(e -> !e.id().equals(current.id()))
                .sorted(Comparator.comparing((ModelEntry e) -> !java.util.Objects.equals(e.dataset(), m.dataset())))
                .findFirst().orElse(null);
    }

    /** The sample after this image in its group, for "two images, one model". */
    private Path nextSample(ImageSource current) {
        List<Path> samples = app.sampleImages();
        if (samples.isEmpty()) {
            return null;
        }
        int i = current == null || current.file() == null ? -1 : samples.indexOf(current.file());
        if (i < 0) {
            return samples.get(0);
        }
        String group = sampleGroup(samples.get(i));
        for (int k = 1; k < samples.size(); k++) {
            Path p = samples.get((i + k) % samples.size());
            if (sampleGroup(p).equals(group)) {
                return p;
            }
        }
        return null;
    }

    /** The panels that have a result, as the sheet shows them. */
    public List<SheetPanel> sheetPanels() {
        List<SheetPanel> out = new ArrayList<>();
        for (PanelState p : app.panels()) {
            if (p.result().get() != null) {
                out.add(new SheetPanel(p.id(), p.caption(), p.result().get().analysis()));
            }
        }
        return out;
    }

    /** Writes the comparison sheet; {@code done} runs on the FX thread with the file written. */
    public void exportSheet(Path file, SheetSize size, java.util.function.Consumer<Path> done) {
        List<SheetPanel> panels = sheetPanels();
        if (panels.isEmpty()) {
            app.tell(UserMessage.warning("Nothing to save", "Analyse first (F5); the sheet shows the results."));
            return;
        }
        MapStyle style = app.mapStyle();
        background.run(() -> {
            Png.write(ComparisonSheet.render(panels, style, size), file);
            return file;
        }, written -> {
            app.tell(UserMessage.info("Sheet saved", written.toString()));
            done.accept(written);
        }, failure -> app.tell(Errors.message("Cannot save the sheet", failure)));
    }

    /** Writes result.json, entropy.csv and the layer PNGs of each analysed panel into {@code dir}. */
    public void exportNumbers(Path dir) {
        List<PanelState> done = app.panels().stream().filter(p -> p.result().get() != null).toList();
        if (done.isEmpty()) {
            app.tell(UserMessage.warning("Nothing to export", "Analyse first (F5)."));
            return;
        }
        background.run(() -> {
            for (PanelState p : done) {
                var r = p.result().get();
                var request = r.analysis().request();
                Path target = done.size() == 1 ? dir : dir.resolve(p.id() + "-" + ResultFiles.fileName(
                        request.model().id() + "-" + Captions.stem(request.image().source())));
                ResultFiles.write(r.analysis(), r.cachedLayers(), target);
            }
            return dir;
        }, written -> app.tell(UserMessage.info("Numbers exported",
                "result.json, entropy.csv and heatmaps in " + written)),
                failure -> app.tell(Errors.message("Cannot export the numbers", failure)));
    }
}
