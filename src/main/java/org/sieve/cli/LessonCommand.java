package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sieve.SieveException;
import org.sieve.lesson.BundledLessons;
import org.sieve.lesson.Lesson;
import org.sieve.lesson.LessonReader;
import org.sieve.lesson.LessonSlides;
import org.sieve.lesson.PanelRequest;
import org.sieve.lesson.Preparation;
import org.sieve.lesson.Slide;
import org.sieve.lesson.SlideDeck;
import org.sieve.lesson.StepRequests;
import org.sieve.report.SheetSize;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobListener;
import org.sieve.service.ResultCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lesson}: list, check, prepare and export lessons (docs/lessons.md). */
@Command(name = "lesson",
        header = "List, check, prepare and export lessons: steps of views with captions, played in the explorer.",
        description = {"A lesson is a JSON file of steps; each step has a title, a caption and a view (models,"
                + " image, layers, settings). 'prepare' computes every step into the result cache so that the"
                + " explorer plays it without computing; 'export' writes one 16:9 slide per step.",
                "LESSON is a lesson file or the name of a bundled lesson ('sieve lesson list')."},
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Check.class, LessonCommand.Prepare.class,
                LessonCommand.Export.class})
final class LessonCommand extends Subcommand {

    @Override
    public Integer call() {
        throw new UsageException("Name what to do: sieve lesson list|check|prepare|export (sieve lesson --help).");
    }

    /** What the lesson subcommands share: where they write, and finding and reading the lesson. */
    abstract static class LessonAction implements java.util.concurrent.Callable<Integer> {

        @ParentCommand
        LessonCommand lesson;

        @Mixin
        HelpOption help;

        PrintStream out() {
            return lesson.out();
        }

        PrintStream err() {
            return lesson.err();
        }
    }

    /** An action on one lesson file. */
    abstract static class OnLesson extends LessonAction {

        @Parameters(index = "0", paramLabel = "LESSON", description = "A lesson file, or a bundled lesson's name.")
        String name;

        Path file() {
            return BundledLessons.installed().find(name);
        }
    }

    @Command(name = "list", header = "List the bundled lessons.")
    static final class ListLessons extends LessonAction {
        @Override
        public Integer call() {
            BundledLessons bundled = BundledLessons.installed();
            TextTable table = new TextTable("NAME", "STEPS", "TITLE").alignRight(1);
            int broken = 0;
            for (Path f : bundled.files()) {
                try {
                    Lesson l = LessonReader.read(f);
                    table.add(BundledLessons.name(f), String.valueOf(l.steps().size()), l.title());
                } catch (SieveException e) {
                    err().println(e.getMessage());
                    broken++;
                }
            }
            table.print(out());
            err().println("In " + bundled.folder().toAbsolutePath() + ". 'sieve lesson check NAME' says which steps"
                    + " are prepared here.");
            return broken == 0 ? 0 : Main.PARTIAL;
        }
    }

    @Command(name = "check", header = "Say which steps of a lesson are prepared in this computer's result cache.",
            description = "Computes nothing. Exit status 0 when every step is prepared, 1 when some are not.")
    static final class Check extends OnLesson {
        @Override
        public Integer call() {
            Path file = file();
            Lesson l = LessonReader.read(file);
            List<Preparation.StepState> states = Preparation.check(l, StepRequests.installed(file),
                    ResultCache.openDefault());
            TextTable table = new TextTable("STEP", "PREPARED", "LAYERS", "TITLE").alignRight(0, 2);
            for (Preparation.StepState s : states) {
                table.add(String.valueOf(s.step()), s.prepared() ? "yes" : s.held() == 0 ? "no" : "partly",
                        s.held() + "/" + s.layers(), s.title());
            }
            table.print(out());
            long missing = states.stream().filter(s -> !s.prepared()).count();
            err().println(missing == 0 ? "Every step of \"" + l.title() + "\" is prepared: it plays without computing."
                    : missing + " of " + states.size() + " steps compute when played; 'sieve lesson prepare " + name
                    + "' computes them now.");
            return missing == 0 ? 0 : Main.PARTIAL;
        }
    }

    @Command(name = "prepare", header = "Compute every step of a lesson into the result cache.",
            description = "Steps already in the cache are skipped, so preparing again is quick. With --into, the"
                    + " lesson's results are also copied into a folder of prepared results (what a package ships"
                    + " in assets/lessons/prepared).")
    static final class Prepare extends OnLesson {

        @Option(names = "--into", paramLabel = "DIR", description = "Also copy the lesson's results into this"
                + " cache folder.")
        Path into;

        @Override
        public Integer call() {
            Path file = file();
            Lesson l = LessonReader.read(file);
            StepRequests requests = StepRequests.installed(file);
            List<PanelRequest> panels = requests.all(l);
            ResultCache cache = ResultCache.openDefault();
            try (AnalysisService service = new AnalysisService(cache)) {
                Preparation.prepare(panels, service, new Progress(err(), l));
            }
            if (into != null) {
                ResultCache target = ResultCache.open(into, Long.MAX_VALUE);
                int copied = panels.stream().mapToInt(p -> cache.copyTo(p.request(), target)).sum();
                err().println("Copied " + copied + " layer results into " + into.toAbsolutePath());
            }
            err().println("\"" + l.title() + "\" is prepared: " + l.steps().size() + " steps play without computing.");
            return 0;
        }
    }

    @Command(name = "export", header = "Write a lesson as slides: a PDF with one 16:9 page per step, or PNGs.",
            description = "Each page holds the step's title and caption as text and its comparison sheet as an"
                    + " image at full resolution. Unprepared steps are computed first (with progress).")
    static final class Export extends OnLesson {

        @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "Write the slides as one PDF.")
        Path pdf;

        @Option(names = "--png", paramLabel = "DIR", description = "Write each slide as DIR/step-NN.png.")
        Path png;

        @Option(names = "--width", paramLabel = "W", description = "Width of the PNG slides and of the embedded"
                + " sheets in pixels (default 1920; 16:9).")
        int width = SheetSize.FULL_HD.width();

        @Override
        public Integer call() {
            if (pdf == null && png == null) {
                throw new UsageException("Say where to write the slides: --pdf FILE.pdf, --png DIR or both.");
            }
            SheetSize size;
            try {
                size = SheetSize.ofWidth(width);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--width: " + e.getMessage());
            }
            Path file = file();
            Lesson l = LessonReader.read(file);
            List<Slide> slides;
            try (AnalysisService service = new AnalysisService(ResultCache.openDefault())) {
                slides = LessonSlides.of(l, StepRequests.installed(file), service, new Progress(err(), l), size);
            }
            if (pdf != null) {
                SlideDeck.writePdf(slides, pdf);
                err().println("Slides written to " + pdf.toAbsolutePath() + " (" + slides.size() + " pages)");
            }
            if (png != null) {
                List<Path> pages = SlideDeck.writePngs(slides, png, width);
                err().println(pages.size() + " slides written to " + png.toAbsolutePath());
            }
            return 0;
        }
    }

    /** One line per panel, then the analysis's own progress bars. */
    private static final class Progress implements Preparation.Progress {
        private final PrintStream err;
        private final Lesson lesson;
        private ConsoleProgress bars;

        Progress(PrintStream err, Lesson lesson) {
            this.err = err;
            this.lesson = lesson;
        }

        @Override
        public JobListener started(PanelRequest p, int index, int count) {
            err.println(String.format(Locale.ROOT, "Step %d of %d, panel %s: %s (%d layers)", p.step(),
                    lesson.steps().size(), p.label(), p.caption(), p.request().layers().size()));
            bars = ConsoleProgress.on(err);
            return AnalyzeCommand.withWarnings(JobListener.forwardingTo(bars), err);
        }

        @Override
        public void finished(PanelRequest p) {
            bars.finish();
        }
    }
}
