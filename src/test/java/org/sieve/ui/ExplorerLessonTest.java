package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sieve.lesson.BundledLessons;
import org.sieve.lesson.Lesson;
import org.sieve.lesson.LessonReader;
import org.sieve.lesson.LessonStep;
import org.sieve.lesson.PanelView;
import org.sieve.lesson.Preparation;
import org.sieve.lesson.StepRequests;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobResult;
import org.sieve.service.ResultCache;
import org.sieve.ui.lesson.LessonSession;
import org.sieve.ui.model.PanelState;
import org.testfx.api.FxToolkit;

/**
 * A bundled lesson, prepared into a fresh result cache, played in presentation mode with the keys
 * a presenter clicker sends: every step's maps come from the cache without computing, the caption
 * and step counter show, Esc leaves. A lesson made in the explorer saves, reopens and plays.
 */
@Tag("gui")
class ExplorerLessonTest extends ExplorerHarness {

    private static final Path LESSON = Path.of("assets", "lessons", "what-a-cnn-throws-away.json");
    private Path cache;

    /** With a result cache of the test's own (and the shipped prepared results, as installed). */
    @BeforeEach
    @Override
    void launch() throws Exception {
        cache = temp.resolve("cache");
        System.setProperty("sieve.cache", cache.toString());
        stage = FxToolkit.registerPrimaryStage();
        explorer = (ExplorerApp) FxToolkit.setupApplication(() -> new ExplorerApp(
                new ExplorerConfig(Path.of("").toAbsolutePath(), temp.resolve("explorer.json"), true, settings())));
    }

    @AfterEach
    void forgetCache() {
        System.clearProperty("sieve.cache");
    }

    @Test
    void preparedLessonPlaysFromTheCacheWithThePresenterKeys() {
        Lesson lesson = LessonReader.read(LESSON);
        StepRequests requests = new StepRequests(new ModelCatalogue(Path.of("assets", "models"), List.of()), LESSON,
                Path.of(""));
        try (AnalysisService service = new AnalysisService(ResultCache.openDefault())) {
            Preparation.prepare(requests.all(lesson), service, (p, i, n) -> e -> { });
        }
        assertTrue(Preparation.check(lesson, requests, ResultCache.openDefault()).stream()
                .allMatch(Preparation.StepState::prepared), "prepared");
        awaitReady();
        LessonSession session = explorer.actions().lessons();
        fxRun(() -> session.open(LESSON));
        await("the lesson opened", 10, () -> session.lesson().get() != null);
        fxRun(session::play);
        int count = lesson.steps().size();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertStepFromCache(lesson, i);
            // For the record (a loaded machine's time is no verdict): from the key to the maps.
            System.out.printf("lesson step %d on screen after %.2f s%n", i + 1, (System.nanoTime() - start) / 1e9);
            screenshot("lesson-step-" + (i + 1));
            type(i % 3 == 0 ? KeyCode.RIGHT : i % 3 == 1 ? KeyCode.PAGE_DOWN : KeyCode.SPACE);
        }
        assertEquals(count - 1, fx(() -> session.playing().get()), "the last step stays on Right");
        type(KeyCode.LEFT);
        assertStepFromCache(lesson, count - 2);
        type(KeyCode.BACK_SPACE);
        assertStepFromCache(lesson, count - 3);
        type(KeyCode.PAGE_UP);
        assertStepFromCache(lesson, count - 4);
        type(KeyCode.ESCAPE);
        await("presentation left", 10, () -> !app().presentation().get() && !session.isPlaying());
        assertFalse(fx(() -> lookup("#lesson-banner").query().isVisible()), "the banner goes with the lesson");
    }

    /**
     * The photo lesson on a fresh cache: every step from the results shipped in
     * assets/lessons/prepared (refresh them as docs/lessons.md says when this fails after an
     * engine change), MobileNetV2 and the emotion model on the astronaut's face region included.
     * With {@code -Dsieve.lessonTiming} every bundled lesson is played so, and each step's time on
     * screen is printed (the figures of docs/lessons.md).
     */
    @Test
    void photoLessonPlaysFromTheShippedResults() {
        List<Path> files = System.getProperty("sieve.lessonTiming") == null
                ? List.of(Path.of("assets", "lessons", "what-a-photo-network-keeps.json"))
                : new BundledLessons(Path.of("assets", "lessons")).files();
        awaitReady();
        LessonSession session = explorer.actions().lessons();
        for (Path file : files) {
            Lesson lesson = LessonReader.read(file);
            StepRequests requests = new StepRequests(new ModelCatalogue(Path.of("assets", "models"), List.of()), file,
                    Path.of(""));
            assertTrue(Preparation.check(lesson, requests, ResultCache.openDefault()).stream()
                    .allMatch(Preparation.StepState::prepared), "the shipped results of " + file + " match");
            fxRun(() -> session.open(file));
            await("the lesson opened", 10, () -> file.equals(session.file().get()));
            fxRun(session::play);
            for (int i = 0; i < lesson.steps().size(); i++) {
                long start = System.nanoTime();
                assertStepFromCache(lesson, i);
                System.out.printf("%s step %d on screen after %.2f s%n", file.getFileName(), i + 1,
                        (System.nanoTime() - start) / 1e9);
                screenshot("lesson-" + file.getFileName().toString().replace(".json", "") + "-step-" + (i + 1));
                type(KeyCode.PAGE_DOWN);
            }
        }
        assertEquals(0, ResultCache.openDefault().info().entries(), "nothing computed into the fresh cache");
    }

    /** Step {@code i} on screen: its title, caption and counter, and every layer's map answered by the cache. */
    private void assertStepFromCache(Lesson lesson, int i) {
        LessonStep step = lesson.steps().get(i);
        LessonSession session = explorer.actions().lessons();
        PanelView view = step.view().panels().get(0);
        PanelState a = app().panelA();
        try {
            await("step " + (i + 1) + " on screen", 90, () -> session.playing().get() == i && a.result().get() != null
                    && a.image().get().file().endsWith(view.image().replace("sample-images/", ""))
                    && a.result().get().analysis().request().layers().equals(view.layers()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; messages " + fx(() -> List.copyOf(app().messages()))
                    + "; run " + fx(() -> a.run().status().get() + " " + a.run().phase().get()) + "; layers "
                    + fx(() -> List.copyOf(a.selectedLayers())) + "; ready " + fx(() -> a.ready().get() != null), e);
        }
        JobResult result = fx(() -> a.result().get());
        assertEquals(Set.copyOf(view.layers()), result.cachedLayers(), "every layer from the cache");
        assertEquals(0.0, result.engineSeconds(), "nothing computed");
        assertEquals(step.title(), text("#lesson-title"));
        assertEquals(step.caption(), text("#lesson-caption"));
        assertEquals((i + 1) + " / " + lesson.steps().size(), text("#lesson-counter"));
        assertTrue(fx(() -> stage.isFullScreen()), "presentation mode");
    }

    @Test
    void lessonMadeInTheExplorerSavesReopensAndPlays() {
        awaitReady();
        LessonSession session = explorer.actions().lessons();
        PanelState a = app().panelA();
        fxRun(() -> a.selectedLayers().setAll(List.of("conv1")));
        fxRun(session::addCurrentView);
        await("a step", 10, () -> session.lesson().get() != null);
        Path file = temp.resolve("made.json");
        fxRun(() -> session.edit("Made here", List.of(session.lesson().get().steps().get(0)
                .withTitle("One layer").withCaption("Made in the explorer."))));
        fxRun(() -> session.save(file));
        await("saved", 10, () -> file.equals(session.file().get()));
        Lesson saved = LessonReader.read(file);
        assertEquals("One layer", saved.steps().get(0).title());
        assertEquals("sample-images/mnist/0-7.png", saved.steps().get(0).view().panels().get(0).image());
        assertEquals("lenet5-mnist", saved.steps().get(0).view().panels().get(0).model());
        fxRun(() -> a.selectedLayers().setAll(List.of("conv2")));
        fxRun(() -> session.open(file));
        await("reopened", 10, () -> session.lesson().get() != null && session.lesson().get().title().equals("Made here"));
        fxRun(session::play);
        await("the step analysed", 120, () -> a.result().get() != null
                && a.result().get().analysis().request().layers().equals(List.of("conv1")));
        assertEquals("Made in the explorer.", text("#lesson-caption"));
        assertEquals("1 / 1", text("#lesson-counter"));
    }

    private String text(String id) {
        Node node = lookup(id).query();
        return fx(() -> ((Label) node).getText());
    }

    static {
        // The bundled lessons are found under the working directory, as an installation's sieve.home.
        assertTrue(new BundledLessons(Path.of("assets", "lessons")).files().contains(LESSON));
    }
}
