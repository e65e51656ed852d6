package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * What the installed app's desktop entry relies on: the explorer started with files ("Open with
 * Sieve") opens them, and Help offers the self-test with its verdict in a dialog.
 */
@Tag("gui")
class ExplorerDesktopTest extends ExplorerHarness {

    static final Path IMAGE = Path.of("sample-images", "mnist", "3-0.png").toAbsolutePath();
    static final Path MODEL = Path.of("assets", "models", "mlp-mnist", "model.json").toAbsolutePath();

    /** Started as the launcher starts it, with arguments, its settings kept in a throw-away folder. */
    @BeforeEach
    @Override
    void launch() throws Exception {
        System.setProperty("sieve.config", temp.toString());
        stage = FxToolkit.registerPrimaryStage();
        explorer = (ExplorerApp) FxToolkit.setupApplication(ExplorerApp.class, IMAGE.toString(), MODEL.toString());
    }

    @AfterEach
    void forgetConfig() {
        System.clearProperty("sieve.config");
    }

    @Test
    void opensTheImageAndModelItWasStartedWith() {
        await("the given model and image", 90, () -> app().panelA().model().get() != null
                && app().panelA().model().get().id().equals("mlp-mnist") && app().panelA().image().get() != null
                && app().panelA().image().get().name().equals("3-0.png"));
        await("predictions for them", 60, () -> !app().panelA().predictions().isEmpty());
        assertEquals("0", fx(() -> app().panelA().predictions().get(0).label()), "the MLP reads the sample 0 as a 0");
        screenshot("20-opened-with-files");
    }

    @Test
    void helpMenuRunsTheSelfTestAndShowsTheVerdict() {
        await("the window", 30, () -> lookup("#menu-bar").tryQuery().isPresent());
        MenuBar bar = lookup("#menu-bar").query();
        MenuItem check = fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Check this installation…".equals(i.getText())).findFirst().orElseThrow());
        fxRun(check::fire);
        await("the verdict in the dialog", 120, () -> lookup("#self-test-verdict").tryQuery().isPresent());
        String verdict = fx(() -> ((TextArea) lookup("#self-test-verdict").query()).getText());
        assertTrue(verdict.startsWith("TensorFlow ") && verdict.contains("heatmap ") && !verdict.contains("FAILED"),
                verdict);
        assertEquals(6, verdict.lines().count(), verdict);
        screenshot("21-self-test");
    }
}
