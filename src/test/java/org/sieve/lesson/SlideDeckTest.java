package org.sieve.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.report.SheetSize;
import org.sieve.service.AnalysisService;
import org.sieve.service.ResultCache;

/**
 * A lesson of two real steps (LeNet-5, few optimisation steps) exported: one 16:9 page per step,
 * each step's title and caption read back from the PDF as text, the sheet embedded at its own
 * resolution; the PNG pages are 16:9 too.
 */
class SlideDeckTest {

    private static final String LESSON = """
            {"sieveLesson": 1, "title": "Exported lesson", "steps": [
              {"title": "Strokes kept", "caption": "The first convolution keeps the strokes; σ rises elsewhere.",
               "view": {"panels": [{"model": "lenet5-mnist", "image": "sample-images/mnist/0-7.png",
                 "layers": ["conv1"], "mask": "auto"}], "settings": {"steps": 12, "draws": 4}}},
              {"title": "Two models compared", "caption": "Baseline against adversarial training.",
               "view": {"layout": "two-models", "panels": [
                 {"model": "lenet5-mnist", "image": "sample-images/mnist/0-7.png", "layers": ["fc1"]},
                 {"model": "lenet5-mnist-pgd", "image": "sample-images/mnist/0-7.png", "layers": ["fc1"]}],
                 "settings": {"steps": 12, "draws": 4}}}
            ]}""";

    @TempDir
    static Path temp;
    static Lesson lesson;
    static List<Slide> slides;

    @BeforeAll
    static void analyse() {
        lesson = LessonReader.parse(LESSON, "exported.json");
        StepRequests requests = new StepRequests(new ModelCatalogue(Path.of("assets", "models"), List.of()), null,
                Path.of(""));
        try (AnalysisService service = new AnalysisService(ResultCache.open(temp.resolve("cache"), 1 << 26))) {
            slides = LessonSlides.of(lesson, requests, service, (p, i, n) -> event -> { },
                    SheetSize.FULL_HD);
        }
    }

    @Test
    void onePageOfSixteenByNinePerStepWithItsTextReadBack() throws Exception {
        Path pdf = temp.resolve("slides.pdf");
        SlideDeck.writePdf(slides, pdf);
        List<String> texts = SlideDeck.pageTexts(pdf);
        assertEquals(lesson.steps().size(), texts.size());
        for (int i = 0; i < texts.size(); i++) {
            LessonStep step = lesson.steps().get(i);
            String text = texts.get(i).replaceAll("\\s+", " ");
            assertTrue(text.contains(step.title()), text);
            assertTrue(text.contains(step.caption()), "the caption as text, σ included: " + text);
            assertTrue(text.contains("step " + (i + 1) + " of 2"), text);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                assertEquals(16.0 / 9, page.getMediaBox().getWidth() / page.getMediaBox().getHeight(), 1e-3);
                List<PDImageXObject> images = new java.util.ArrayList<>();
                for (COSName name : page.getResources().getXObjectNames()) {
                    images.add((PDImageXObject) page.getResources().getXObject(name));
                }
                assertEquals(1, images.size(), "the step's sheet");
                assertEquals(1920, images.get(0).getWidth(), "embedded at full resolution");
                assertEquals(1080, images.get(0).getHeight());
            }
        }
    }

    @Test
    void pngPagesAreSixteenByNine() throws Exception {
        List<Path> pages = SlideDeck.writePngs(slides, temp.resolve("png"), 1280);
        assertEquals(2, pages.size());
        for (Path p : pages) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertEquals(1280, image.getWidth());
            assertEquals(720, image.getHeight());
            assertTrue(Files.size(p) > 10_000, "a drawn page, not a blank one");
        }
    }
}
