package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the explorer on the bundled models and sample images for each test, headless under
 * Monocle (see the surefire properties), with fast settings, no result cache and a throw-away
 * state file; waits on the application model rather than on time; saves screenshots.
 */
abstract class ExplorerHarness extends FxRobot {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Few steps and draws: enough to converge roughly on LeNet-5, quick on two cores. */
    static final DiscardingSettings FAST = DiscardingSettings.defaults().toBuilder().maxSteps(12).draws(4)
            .checkDraws(8).build();

    static {
        // Monocle's virtual screen, big enough for the window, unless a test run sets another
        // (the presentation tests run at 1280x720 and 1920x1080, see pom.xml).
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1600x1000-32");
        }
    }

    /** The test running now (JUnit makes one per test), so a timed-out wait can read its explorer. */
    private static volatile ExplorerHarness current;

    @TempDir
    Path temp;
    ExplorerApp explorer;
    Stage stage;

    ExplorerHarness() {
        current = this;
    }

    @BeforeEach
    void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        explorer = (ExplorerApp) FxToolkit.setupApplication(() -> new ExplorerApp(
                new ExplorerConfig(Path.of("").toAbsolutePath(), temp.resolve("explorer.json"), false, settings())));
    }

    DiscardingSettings settings() {
        return FAST;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(explorer);
        FxToolkit.cleanupStages();
    }

    AppModel app() {
        return explorer.model();
    }

    /** Runs on the FX thread and returns its value. */
    static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the condition (evaluated on the FX thread) holds. */
    static void await(String what, double seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS,
                    () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            failureScreenshot(what);
            fail("Timed out after " + seconds + " s waiting for: " + what + "; the explorer told the user: "
                    + toldSoFar());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every message the running explorer has shown (its notifications fade, this list stays). */
    private static String toldSoFar() {
        ExplorerHarness test = current;
        ExplorerApp app = test == null ? null : test.explorer;
        if (app == null || app.model() == null) {
            return "(no explorer)";
        }
        return fx(() -> app.model().messages().stream()
                .map(m -> m.level() + " " + m.title() + ": " + m.text()).toList()).toString();
    }

    /** What the window showed when a wait timed out, to see why. */
    private static void failureScreenshot(String what) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = "FAILED-" + what.replaceAll("[^A-Za-z0-9]+", "-");
            fxRun(() -> {
                int i = 0;
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null) {
                        try {
                            write(w.getScene(), SCREENSHOTS.resolve(name + "-" + i++ + ".png"));
                        } catch (IOException e) {
                            // Best effort: the assertion message still says what timed out.
                        }
                    }
                }
            });
        } catch (IOException | AssertionError e) {
            // Best effort.
        }
    }

    /** The explorer opened on its default model and image with predictions shown. */
    void awaitReady() {
        await("the default model, image and predictions", 90, () -> app().panelA().model().get() != null
                && app().panelA().prepared().get() != null && !app().panelA().predictions().isEmpty()
                && !app().panelA().layerShapes().get().isEmpty());
    }

    /** Opens the astronaut (512x512) in panel A once the default model is ready, and shows the crop box. */
    PanelState astronautWithCropBox() {
        awaitReady();
        PanelState a = app().panelA();
        fxRun(() -> explorer.actions().openImage(Path.of("sample-images", "astronaut.png")));
        await("the astronaut", 30, () -> a.prepared().get() != null
                && a.prepared().get().source().endsWith("astronaut.png"));
        clickOn("#region-pane");
        return a;
    }

    /** Saves the window (and any other open window, e.g. a notification) as target/screenshots/NAME*.png. */
    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> {
            try {
                Files.createDirectories(SCREENSHOTS);
                write(stage.getScene(), SCREENSHOTS.resolve(name + ".png"));
                int i = 1;
                for (Window w : Window.getWindows()) {
                    if (w != stage && w.isShowing() && w.getScene() != null) {
                        write(w.getScene(), SCREENSHOTS.resolve(name + "-window" + i++ + ".png"));
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void write(Scene scene, Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
    }
}
