package org.sieve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.SettingsTable;
import org.sieve.render.ColourMap;
import org.sieve.report.MapStyle;
import org.sieve.service.AnalysisService;
import org.sieve.service.ResultCache;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.InputKind;
import org.sieve.ui.model.LayerPick;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.ModelEntry;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Theme;
import org.sieve.ui.model.UserMessage;
import org.sieve.ui.view.MainWindow;
import org.sieve.ui.view.Windows;
import org.sieve.ui.work.AnalysisRunner;
import org.sieve.ui.work.Background;
import org.sieve.ui.work.Errors;
import org.sieve.ui.work.PanelPipeline;
import org.sieve.ui.work.Predictor;
import org.sieve.ui.work.Staleness;

/**
 * The Sieve explorer. Opens at once on the last (or the bundled default) model and image; every
 * model, image and TensorFlow start-up is read in the background, so the window is usable while
 * they arrive.
 */
public final class ExplorerApp extends Application {

    /** The model and image a first start opens on. */
    static final String DEFAULT_MODEL = "lenet5-mnist";
    static final String DEFAULT_IMAGE = "mnist/0-7.png";

    private final ExplorerConfig config;
    private AppModel app;
    private Actions actions;
    private Background background;
    private AnalysisService service;
    private AnalysisRunner runner;
    private final Predictor predictor = new Predictor();
    private Stage stage;
    private SavedState saved;
    private volatile long readyNanos;

    /** For Application.launch: the installed configuration. */
    public ExplorerApp() {
        this(ExplorerConfig.standard());
    }

    public ExplorerApp(ExplorerConfig config) {
        this.config = config;
    }

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        StartupReport.step("JavaFX started");
        this.stage = stage;
        app = new AppModel();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Platform.runLater(() ->
                app.tell(Errors.message("Unexpected problem", e))));
        background = new Background(t -> app.tell(Errors.message("Problem", t)));
        service = new AnalysisService(openCache());
        runner = new AnalysisRunner(service, app::tell);
        actions = new Actions(app, config, background, runner);
        for (PanelState panel : List.of(app.panelA(), app.panelB())) {
            new PanelPipeline(panel, background, predictor, app::tell);
            new Staleness(panel, app.settings(), runner);
        }

        saved = SavedState.read(config.stateFile());
        restoreView(saved);
        StartupReport.step("services ready");
        Rectangle2D place = WindowPlacement.fit(saved.x, saved.y, saved.width, saved.height,
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        MainWindow window = new MainWindow(actions, stage, place.getWidth(), place.getHeight());
        StartupReport.step("window built");
        stage.setTitle("Sieve — what each layer of a CNN discards");
        stage.setScene(window.scene());
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setMaximized(saved.maximized);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            // The window manager picks the size it needs (title bar, task switcher).
            var icon = ExplorerApp.class.getResource("/org/sieve/ui/icon/sieve-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        Windows.show(stage, place.getWidth(), place.getHeight());
        readyNanos = System.nanoTime() - t0;
        StartupReport.watch(app.panelA());
        warmUpTensorFlow();
        actions.loadSamples();
        actions.loadCatalogue(() -> {
            restoreContent(saved);
            openArguments();
        });
    }

    /** Files the explorer was started with ("Open with Sieve"), opened after the restored ones so they show. */
    private void openArguments() {
        Parameters parameters = getParameters();
        if (parameters != null && !parameters.getRaw().isEmpty()) {
            actions.openFiles(parameters.getRaw().stream().map(java.io.File::new).toList());
        }
    }

    /**
     * TensorFlow's natives take seconds to load: start once the window is up (not before, where it
     * would slow the window down on two cores), alongside reading the catalogue and the model.
     */
    private static void warmUpTensorFlow() {
        Thread warmUp = new Thread(() -> {
            try {
                org.sieve.tf.TensorFlowRuntime.get();
            } catch (RuntimeException | LinkageError e) {
                // Reported when a model first needs TensorFlow.
            }
        }, "sieve-tensorflow-start");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private ResultCache openCache() {
        if (!config.useCache()) {
            return null;
        }
        try {
            return ResultCache.openDefault();
        } catch (RuntimeException e) {
            Platform.runLater(() -> app.tell(UserMessage.warning("No result cache",
                    "Results will not be kept between runs: " + e.getMessage())));
            return null;
        }
    }

    /** Theme, colours and settings: things the window needs before it shows. */
    private void restoreView(SavedState s) {
        app.theme().set(parse(Theme.class, s.theme, Theme.LIGHT));
        app.colourMap().set(parse(ColourMap.class, s.colourMap, ColourMap.VIRIDIS));
        app.opacity().set(s.opacity >= 0 && s.opacity <= 1 ? s.opacity : MapStyle.DEFAULT_OPACITY);
        app.colourRange().set(s.colourRange());
        app.sheetSize().set(s.sheetSize());
        app.lastFolder().set(s.lastFolder == null ? null : Path.of(s.lastFolder));
        if (s.fileModels != null) {
            app.fileModels().putAll(s.fileModels);
        }
        if (s.stepRecords != null) {
            s.stepRecords.forEach((id, r) -> {
                if (r != null && r.usable()) {
                    app.stepRecords().put(id, r);
                }
            });
        }
        app.compareKind().set(parse(CompareKind.class, s.compareKind, CompareKind.TWO_MODELS));
        // Start-up settings win over remembered ones, except the metric, which is chosen beside Analyze.
        DiscardingSettings start = config.settings() != null ? config.settings() : app.settings().get();
        app.settings().set(s.settingsOver(start,
                setting -> config.settings() == null || setting == SettingsTable.METRIC));
    }

    /** The last model, image, layers and foreground, or the bundled default on a first start. */
    private void restoreContent(SavedState s) {
        PanelState a = app.panelA();
        a.resizeMode().set(parse(ResizeMode.class, s.resizeMode, ResizeMode.STRETCH));
        for (String dir : s.recentModels == null ? List.<String>of() : s.recentModels) {
            Path p = Path.of(dir);
            if (Files.exists(p) && app.models().stream().noneMatch(e -> p.equals(e.dir()))) {
                try {
                    app.models().add(Files.isDirectory(p)
                            ? ModelEntry.of(org.sieve.network.format.ModelStore.readMetadata(p), p, true)
                            : ModelEntry.ofFile(p));
                } catch (RuntimeException ignored) {
                    // A model that moved or broke since is simply not offered.
                }
            }
        }
        ModelEntry entry = findModel(s.modelDir, s.modelId == null ? DEFAULT_MODEL : s.modelId);
        Path image = s.imagePath != null && Files.isRegularFile(Path.of(s.imagePath)) ? Path.of(s.imagePath)
                : config.sampleImages().resolve(DEFAULT_IMAGE);
        boolean firstStart = s.modelId == null && s.imagePath == null;
        a.maskSpec().set(firstStart ? MaskSpec.AUTO : SavedState.maskOf(s.mask, s.maskRectangle));
        if (s.resizeByModel != null) {
            s.resizeByModel.forEach((id, mode) -> a.resizeByModel().put(id, parse(ResizeMode.class, mode,
                    ResizeMode.STRETCH)));
        }
        if (s.inputsByKind != null) {
            s.inputsByKind.forEach((kind, in) -> {
                InputKind k = parse(InputKind.class, kind, null);
                if (k != null && in != null && in.file() != null) {
                    actions.rememberInput(a, k, in.file(), in.requestedRegion(), in.foreground());
                }
            });
        }
        if (s.panelBLayersByModel != null) {
            app.panelB().layersByModel().putAll(s.panelBLayersByModel);
        }
        a.layerPick().set(parse(LayerPick.class, s.layerPick, LayerPick.CHOSEN));
        if (s.layersByModel != null) {
            a.layersByModel().putAll(s.layersByModel);
        } else if (s.layers != null && s.modelId != null) {
            a.layersByModel().put(s.modelId, List.copyOf(s.layers));
        }
        if (entry != null) {
            a.model().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends LoadedModel> o, LoadedModel was,
                                    LoadedModel now) {
                    a.model().removeListener(this);
                    if (s.compare) {
                        SavedState.Input b = s.panelBInput;
                        actions.compareAgain(findModel(s.panelBModelDir, null), b == null ? null : b.file(),
                                b == null ? null : b.requestedRegion(), b == null ? null : b.foreground());
                    }
                }
            });
            actions.chooseModel(a, entry);
        } else if (app.models().isEmpty()) {
            app.tell(UserMessage.warning("No models", "No bundled model was found in "
                    + config.catalogue().folders() + ". Open a model folder with Ctrl+Shift+O."));
        }
        if (Files.isRegularFile(image)) {
            actions.openImage(a, image, SavedState.regionOf(s.region));
        }
    }

    /** The model listed with this folder, else the one with this id, else the first; null where none is listed or wanted. */
    private ModelEntry findModel(String dir, String id) {
        List<ModelEntry> models = app.models();
        for (ModelEntry e : models) {
            if (dir != null && e.dir() != null && e.dir().toString().equals(dir)) {
                return e;
            }
        }
        if (id == null) {
            return null;
        }
        return models.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElse(models.isEmpty() ? null : models.get(0));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Saves what a restart restores, then stops every job and thread. */
    @Override
    public void stop() {
        if (app != null) {
            capture().write(config.stateFile());
        }
        if (actions != null) {
            actions.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (service != null) {
            service.close();
        }
        if (background != null) {
            background.execute(predictor::close);
            background.close();
        }
    }

    SavedState capture() {
        SavedState s = saved == null ? new SavedState() : saved;
        PanelState a = app.panelA();
        LoadedModel m = a.model().get();
        if (m != null) {
            s.modelId = m.id();
            s.modelDir = m.model().dir() == null ? null : m.model().dir().toString();
        }
        var img = a.image().get();
        if (img != null && img.file() != null) {
            s.imagePath = img.file().toAbsolutePath().toString();
        }
        s.layers = new ArrayList<>(a.selectedLayers());
        s.layersByModel = new java.util.TreeMap<>(a.layersByModel());
        s.layerPick = a.layerPick().get().name();
        s.resizeMode = a.resizeMode().get().name();
        MaskSpec spec = a.maskSpec().get();
        s.mask = SavedState.maskName(spec);
        s.maskRectangle = SavedState.rectangle(spec);
        s.region = a.region().get() == null ? null : a.region().get().text();
        s.inputsByKind = new java.util.TreeMap<>();
        InputKind shown = m == null ? null : InputKind.of(m.metadata());
        a.choiceByKind().forEach((kind, c) -> {
            SavedState.Input in = SavedState.Input.of(c.image(), c.region(), c.foreground());
            if (kind != shown && in != null) {
                s.inputsByKind.put(kind.name(), in);
            }
        });
        s.resizeByModel = new java.util.TreeMap<>();
        a.resizeByModel().forEach((id, mode) -> s.resizeByModel.put(id, mode.name()));
        PanelState b = app.panelB();
        LoadedModel bModel = b.model().get();
        s.panelBModelDir = bModel == null || bModel.model().dir() == null ? null : bModel.model().dir().toString();
        s.panelBInput = SavedState.Input.of(b.image().get(), b.region().get(), b.maskSpec().get());
        s.panelBLayersByModel = new java.util.TreeMap<>(b.layersByModel());
        if (stage != null && !stage.isFullScreen()) {
            s.maximized = stage.isMaximized();
            if (!stage.isMaximized()) {
                s.x = stage.getX();
                s.y = stage.getY();
                s.width = stage.getWidth();
                s.height = stage.getHeight();
            }
        }
        s.theme = app.theme().get().name();
        s.colourMap = app.colourMap().get().name();
        s.opacity = app.opacity().get();
        s.colourRange = app.colourRange().get().id();
        s.sheetSize = app.sheetSize().get().toString();
        s.lastFolder = app.lastFolder().get() == null ? null : app.lastFolder().get().toString();
        s.compare = app.compare().get();
        s.compareKind = app.compareKind().get().name();
        s.recentModels = app.models().stream().filter(ModelEntry::recent).map(e -> e.dir().toString()).toList();
        s.fileModels = new java.util.LinkedHashMap<>(app.fileModels());
        s.stepRecords = new java.util.TreeMap<>(app.stepRecords());
        s.settings = SavedState.settingsOf(app.settings().get());
        return s;
    }

    /** The application's model and actions, for tests. */
    public AppModel model() {
        return app;
    }

    public Actions actions() {
        return actions;
    }

    /** Nanoseconds from start() to the window being shown. */
    public long readyNanos() {
        return readyNanos;
    }
}
