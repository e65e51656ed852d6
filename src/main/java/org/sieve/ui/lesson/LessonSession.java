package org.sieve.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sieve.SieveException;
import org.sieve.lesson.Lesson;
import org.sieve.lesson.LessonReader;
import org.sieve.lesson.LessonSlides;
import org.sieve.lesson.LessonStep;
import org.sieve.lesson.LessonWriter;
import org.sieve.lesson.Preparation;
import org.sieve.lesson.SlideDeck;
import org.sieve.lesson.StepRequests;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.report.SheetSize;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobEvent;
import org.sieve.service.JobListener;
import org.sieve.ui.Actions;
import org.sieve.ui.model.UserMessage;
import org.sieve.ui.work.Errors;

/**
 * The explorer's lesson: the one being made or played, its file, the step on screen while playing
 * in presentation mode, and preparing or exporting it in the background. Touched on the FX thread.
 */
public final class LessonSession {

    private final Actions actions;
    private final AnalysisService service;
    private final ModelCatalogue catalogue;
    private final Path home;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    /** The step on screen, from 0, while playing; -1 otherwise. */
    private final IntegerProperty playing = new SimpleIntegerProperty(-1);
    private final StringProperty work = new SimpleStringProperty("");
    private final StepStaging staging;
    private final ViewCapture capture;
    private StepRequests requests;
    private Path requestsFor;

    public LessonSession(Actions actions, AnalysisService service, ModelCatalogue catalogue, Path home) {
        this.actions = actions;
        this.service = service;
        this.catalogue = catalogue;
        this.home = home;
        this.staging = new StepStaging(actions);
        this.capture = new ViewCapture(catalogue, home);
        actions.app().presentation().addListener((o, was, on) -> {
            if (!on) {
                stop();
            }
        });
    }

    /** Sieve's folder, where the bundled lessons are. */
    Path home() {
        return home;
    }

    public ReadOnlyObjectProperty<Lesson> lesson() {
        return lesson;
    }

    /** The lesson's file; null until it is opened or saved. */
    public ReadOnlyObjectProperty<Path> file() {
        return file;
    }

    public ReadOnlyIntegerProperty playing() {
        return playing;
    }

    /** What is being prepared or exported, with progress; empty when nothing is. */
    public ReadOnlyStringProperty work() {
        return work;
    }

    /** Opens a lesson file (the menu, a file given at start, a double-click); a damaged one is refused with the step and field named. */
    public void open(Path path) {
        actions.background().run(() -> LessonReader.read(path), read -> {
            stop();
            lesson.set(read);
            file.set(path);
            actions.app().tell(UserMessage.info("Lesson opened", "\"" + read.title() + "\": " + read.steps().size()
                    + " steps. Lesson > Play shows them in presentation mode."));
        }, failure -> actions.app().tell(Errors.message("Cannot open the lesson", failure)));
    }

    /** The current view (the panels on screen, their layers, settings and colours) as a new last step. */
    public void addCurrentView() {
        try {
            LessonStep step = capture.step(actions.app());
            Lesson now = lesson.get() == null ? new Lesson("A lesson", List.of(step))
                    : lesson.get().withSteps(append(lesson.get().steps(), step));
            lesson.set(now);
            actions.app().tell(UserMessage.info("Step added", "Step " + now.steps().size() + ": " + step.title()
                    + ". Lesson > Edit steps gives it a title and a caption."));
        } catch (SieveException e) {
            actions.app().tell(UserMessage.warning("Cannot add this view", e.getMessage()));
        }
    }

    /** Replaces the steps (edited, reordered, removed) and the title. */
    public void edit(String title, List<LessonStep> steps) {
        if (steps.isEmpty()) {
            stop();
            lesson.set(null);
            return;
        }
        lesson.set(new Lesson(title == null || title.isBlank() ? "A lesson" : title.strip(), steps));
    }

    public void save(Path path) {
        Lesson l = lesson.get();
        if (l == null) {
            actions.app().tell(UserMessage.warning("No lesson", "Add a view as a step first (Lesson menu)."));
            return;
        }
        Lesson relative = capture.relativeTo(l, path);
        actions.background().run(() -> {
            LessonWriter.write(relative, path);
            return path;
        }, written -> {
            lesson.set(relative);
            file.set(written);
            actions.app().tell(UserMessage.info("Lesson saved", written.toString()));
        }, failure -> actions.app().tell(Errors.message("Cannot save the lesson", failure)));
    }

    /** Presentation mode on step 1. */
    public void play() {
        if (lesson.get() == null) {
            actions.app().tell(UserMessage.warning("No lesson", "Open a lesson or add a view as a step first."));
            return;
        }
        actions.app().presentation().set(true);
        show(0);
    }

    public boolean isPlaying() {
        return playing.get() >= 0;
    }

    public void next() {
        if (isPlaying() && playing.get() < lesson.get().steps().size() - 1) {
            show(playing.get() + 1);
        }
    }

    public void previous() {
        if (isPlaying() && playing.get() > 0) {
            show(playing.get() - 1);
        }
    }

    /** Leaves the lesson; presentation mode itself is left by its owner (Esc). */
    public void stop() {
        staging.drop();
        playing.set(-1);
    }

    private void show(int index) {
        playing.set(index);
        List<LessonStep> steps = lesson.get().steps();
        StepRequests requests = requests();
        staging.show(steps.get(index).view(), requests, this::stop);
        if (index + 1 < steps.size()) {
            preload(steps.get(index + 1), requests);
        }
    }

    /**
     * Reads the next step's models while this one shows (on the loader thread, after this step's
     * own), so the next key press does not wait for a photo model's weights. A model that cannot
     * be read is reported when its step is shown.
     */
    private void preload(LessonStep next, StepRequests requests) {
        actions.background().run(() -> {
            next.view().panels().forEach(p -> requests.model(p.model()));
            return null;
        }, read -> { }, failure -> { });
    }

    /** Computes every step into the result cache at batch priority, on a thread of its own. */
    public void prepare() {
        Lesson l = lesson.get();
        if (l != null && work.get().isEmpty()) {
            StepRequests requests = requests();
            alongside("Preparing", l, () -> Preparation.prepare(requests.all(l), service, progress("Preparing", l)),
                    UserMessage.info("Lesson prepared", "\"" + l.title() + "\" plays without computing."));
        }
    }

    /** Writes the slides (computing unprepared steps first) on a thread of its own. */
    public void exportPdf(Path pdf) {
        Lesson l = lesson.get();
        if (l != null && work.get().isEmpty()) {
            StepRequests requests = requests();
            alongside("Exporting", l, () -> SlideDeck.writePdf(LessonSlides.of(l, requests, service,
                    progress("Exporting", l), SheetSize.FULL_HD), pdf), UserMessage.info("Slides saved", pdf.toString()));
        }
    }

    /**
     * Runs long lesson work on a thread of its own (it waits on the analysis service, which the
     * explorer's background threads must not), saying what it does in {@link #work()}.
     */
    private void alongside(String verb, Lesson l, Runnable task, UserMessage done) {
        work.set(verb + " \"" + l.title() + "\" ...");
        Thread t = new Thread(() -> {
            try {
                task.run();
                Platform.runLater(() -> actions.app().tell(done));
            } catch (RuntimeException e) {
                Platform.runLater(() -> actions.app().tell(Errors.message(verb + " the lesson failed", e)));
            } finally {
                Platform.runLater(() -> work.set(""));
            }
        }, "sieve-lesson-" + verb.toLowerCase(Locale.ROOT));
        t.setDaemon(true);
        t.start();
    }

    /** Which step and panel, how far, and the time left as the analysis estimates it. */
    private Preparation.Progress progress(String verb, Lesson l) {
        return (panel, index, count) -> {
            String head = String.format(Locale.ROOT, "%s \"%s\": step %d of %d, panel %s", verb, l.title(),
                    panel.step(), l.steps().size(), panel.label());
            Platform.runLater(() -> work.set(head));
            long[] last = {0};
            return (JobListener) event -> {
                // Steps arrive many times a second; the line changes at most four times.
                if (event instanceof JobEvent.Step s && System.nanoTime() - last[0] > 250_000_000L) {
                    last[0] = System.nanoTime();
                    String text = String.format(Locale.ROOT, "%s: %.0f %%%s", head, 100 * s.progress(),
                            Double.isFinite(s.etaSeconds()) && s.etaSeconds() > 0
                                    ? String.format(Locale.ROOT, ", about %.0f s left", s.etaSeconds()) : "");
                    Platform.runLater(() -> work.set(text));
                }
            };
        };
    }

    /** One per lesson file, so that its models are read once however often the steps go back and forth. */
    private StepRequests requests() {
        if (requests == null || !java.util.Objects.equals(requestsFor, file.get())) {
            requests = new StepRequests(catalogue, file.get(), home);
            requestsFor = file.get();
        }
        return requests;
    }

    private static List<LessonStep> append(List<LessonStep> steps, LessonStep step) {
        List<LessonStep> out = new ArrayList<>(steps);
        out.add(step);
        return out;
    }
}
