package org.sieve.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sieve.SieveException;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Metric;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.render.ColourMap;
import org.sieve.report.ColourRange;
import org.sieve.report.MapStyle;

/**
 * A lesson file reads back as written, the bundled lessons read and resolve, and a damaged file is
 * refused with the file, the step (number and title) and the field named.
 */
class LessonReaderTest {

    private static final String GOOD = """
            {"sieveLesson": 1, "title": "T", "steps": [
              {"title": "First", "caption": "c1", "view": {"panels": [
                {"model": "lenet5-mnist", "image": "sample-images/mnist/0-7.png", "layers": ["conv1"]}]}},
              {"title": "Second", "caption": "c2", "view": {"layout": "two-models", "panels": [
                {"model": "lenet5-mnist", "image": "sample-images/mnist/0-7.png", "layers": ["conv1"], "mask": "auto"},
                {"model": "lenet5-mnist-pgd", "image": "sample-images/mnist/0-7.png", "layers": ["fc1"], "mask": "auto"}],
                "settings": {"metric": "ru", "tau": 1.5}}}
            ]}""";

    @TempDir
    Path temp;

    @Test
    void writtenLessonReadsBackEqual() {
        PanelView photo = new PanelView("mobilenet-v2-imagenet", "sample-images/chelsea.png",
                new RequestedRegion(10, 20, 200, 180), ResizeMode.CENTRE_CROP, List.of("block_1_project"), "5,5,50,50");
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().metric(Metric.RECONSTRUCTION_UNCERTAINTY)
                .maxSteps(40).build();
        MapStyle style = new MapStyle(ColourMap.MAGMA, 0.5, ColourRange.typed(-4, -1));
        Lesson lesson = new Lesson("A lesson", List.of(
                new LessonStep("One", "Two sentences. With \"quotes\" and ümlauts.",
                        new StepView(Layout.ONE_PANEL, List.of(photo), settings, style)),
                LessonReader.parse(GOOD, "good.json").steps().get(1)));
        Path file = temp.resolve("lesson.json");
        LessonWriter.write(lesson, file);
        assertEquals(lesson, LessonReader.read(file));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        Lesson lesson = LessonReader.parse(GOOD, "good.json");
        StepView first = lesson.steps().get(0).view();
        assertEquals(Layout.ONE_PANEL, first.layout());
        assertEquals(DiscardingSettings.defaults(), first.settings());
        assertEquals(MapStyle.DEFAULT, first.style());
        assertEquals(PanelView.NO_MASK, first.panels().get(0).mask());
        StepView second = lesson.steps().get(1).view();
        assertEquals(Metric.RECONSTRUCTION_UNCERTAINTY, second.settings().metric());
        assertEquals(1.5, second.settings().tau());
    }

    @Test
    void bundledLessonsReadAndResolve() {
        List<Path> files = new BundledLessons(Path.of("assets", "lessons")).files();
        assertTrue(files.size() >= 4, "the four bundled lessons: " + files);
        for (Path f : files) {
            Lesson lesson = LessonReader.read(f);
            StepRequests requests = new StepRequests(new ModelCatalogue(Path.of("assets", "models"), List.of()), f,
                    Path.of(""));
            assertEquals(lesson.steps().stream().mapToInt(s -> s.view().panels().size()).sum(),
                    requests.all(lesson).size(), f.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown step field | \"title\": \"Second\", \"caption\": \"c2\", | \"title\": \"Second\", \"captoin\": \"c2\", "
                + "| step 2 (\"Second\"): field captoin is not a field",
        "missing model | {\"model\": \"lenet5-mnist-pgd\", | {| step 2 (\"Second\"): field view.panels[1].model is missing",
        "layers not a list | \"layers\": [\"fc1\"] | \"layers\": \"fc1\" "
                + "| step 2 (\"Second\"): field view.panels[1].layers must be a list",
        "bad setting value | \"tau\": 1.5 | \"tau\": \"much\" | step 2 (\"Second\"): field view.settings.tau is \"much\"",
        "unknown setting | \"tau\": 1.5 | \"tua\": 1.5 | step 2 (\"Second\"): field view.settings.tua is not a setting",
        "bad layout | \"two-models\" | \"three-models\" | step 2 (\"Second\"): field view.layout",
        "images differ in two-models | \"mask\": \"auto\"}] | \"mask\": \"none\"}] "
                + "| step 2 (\"Second\"): field view.panels must share the image",
        "bad mask | \"mask\": \"auto\"}, | \"mask\": \"foreground\"}, "
                + "| step 2 (\"Second\"): field view.panels[0].mask is \"foreground\"",
        "empty title | \"title\": \"First\" | \"title\": \"  \" | step 1: field title is empty",
        "unknown top field | \"title\": \"T\", | \"title\": \"T\", \"autor\": \"me\", "
                + "| good.json: field autor is not a field",
        "missing top title | \"title\": \"T\", | \"titel\": \"T\", | good.json: field title is missing",
        "later format | \"sieveLesson\": 1 | \"sieveLesson\": 2 | field sieveLesson is 2",
    })
    void damagedFileIsRefusedNamingStepAndField(String what, String from, String to, String expected) {
        String damaged = GOOD.replace(from.strip(), to.strip());
        assertTrue(!damaged.equals(GOOD), "the damage applies: " + what);
        SieveException e = assertThrows(SieveException.class, () -> LessonReader.parse(damaged, "good.json"));
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
        assertTrue(e.getMessage().startsWith("good.json"), e.getMessage());
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
    }

    @Test
    void notJsonIsRefusedWithTheFileNamed() throws Exception {
        Path file = temp.resolve("broken.json");
        Files.writeString(file, "{\"sieveLesson\": 1, \"title\": \"x\", ");
        SieveException e = assertThrows(SieveException.class, () -> LessonReader.read(file));
        assertTrue(e.getMessage().startsWith("broken.json is not valid JSON"), e.getMessage());
    }

    @Test
    void unknownLayerIsRefusedNamingStepAndField() {
        Lesson lesson = LessonReader.parse(GOOD.replace("[\"fc1\"]", "[\"fc9\"]"), "good.json");
        StepRequests requests = new StepRequests(new ModelCatalogue(Path.of("assets", "models"), List.of()), null,
                Path.of(""));
        SieveException e = assertThrows(SieveException.class, () -> requests.all(lesson));
        assertTrue(e.getMessage().startsWith("step 2 (\"Second\"), field view.panels[1].layers: No layer named 'fc9'"),
                e.getMessage());
    }
}
