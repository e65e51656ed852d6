package org.sieve.lesson;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.sieve.SieveException;
import org.sieve.io.AtomicFiles;
import org.sieve.render.Png;

/**
 * A lesson's slides as a PDF: one 16:9 page per step with its title and caption as text (an
 * embedded Unicode font, so the words can be searched and selected) above the step's comparison
 * sheet, embedded losslessly at its own resolution. The PNG pages are these pages rendered.
 */
public final class SlideDeck {

    /** 13.33 x 7.5 inches, the 16:9 page of presentation programs, in points. */
    static final PDRectangle PAGE = new PDRectangle(960, 540);
    private static final float MARGIN = 30;
    private static final float TITLE_SIZE = 26;
    private static final float CAPTION_SIZE = 15;
    private static final float FOOT_SIZE = 9;
    private static final int MAX_CAPTION_LINES = 4;
    /** Shipped inside PDFBox: Latin, Greek and Cyrillic, enough for captions in most lecture languages. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private SlideDeck() {
    }

    /** Writes the PDF beside {@code file} and moves it into place. */
    public static void writePdf(List<Slide> slides, Path file) {
        AtomicFiles.write(file, out -> {
            try (PDDocument doc = document(slides)) {
                doc.save(out.toFile());
            }
        });
    }

    /**
     * Writes each page as {@code DIR/step-NN.png}, {@code width} pixels wide.
     *
     * @return the files written, in step order
     */
    public static List<Path> writePngs(List<Slide> slides, Path folder, int width) {
        List<Path> written = new ArrayList<>();
        try (PDDocument doc = document(slides)) {
            Files.createDirectories(folder);
            PDFRenderer renderer = new PDFRenderer(doc);
            float scale = width / PAGE.getWidth();
            for (int i = 0; i < slides.size(); i++) {
                BufferedImage page = renderer.renderImage(i, scale, ImageType.RGB);
                Path file = folder.resolve(String.format("step-%02d.png", slides.get(i).number()));
                Png.write(page, file);
                written.add(file);
            }
        } catch (IOException e) {
            throw new SieveException("Cannot write the slides into " + folder + ": " + AtomicFiles.reason(e) + ".",
                    e);
        }
        return written;
    }

    /** The pages of a written PDF, for checks: each page's text and size. */
    public static List<String> pageTexts(Path pdf) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                texts.add(stripper.getText(doc));
            }
        }
        return texts;
    }

    private static PDDocument document(List<Slide> slides) throws IOException {
        PDDocument doc = new PDDocument();
        try {
            PDFont font;
            try (InputStream in = SlideDeck.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("PDFBox's font " + FONT + " is missing from this installation");
                }
                font = PDType0Font.load(doc, in);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            if (!slides.isEmpty()) {
                info.setTitle(slides.get(0).lesson());
            }
            info.setCreator("Sieve " + org.sieve.analysis.Version.SIEVE);
            for (Slide s : slides) {
                page(doc, font, s);
            }
            return doc;
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    private static void page(PDDocument doc, PDFont font, Slide s) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        float width = PAGE.getWidth() - 2 * MARGIN;
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            float y = PAGE.getHeight() - MARGIN - TITLE_SIZE;
            for (String line : TextLines.wrap(s.title(), font, TITLE_SIZE, width, 2)) {
                text(c, font, TITLE_SIZE, MARGIN, y, line, 0.1f);
                y -= TITLE_SIZE * 1.2f;
            }
            y -= 2;
            for (String line : TextLines.wrap(s.caption(), font, CAPTION_SIZE, width, MAX_CAPTION_LINES)) {
                text(c, font, CAPTION_SIZE, MARGIN, y, line, 0.25f);
                y -= CAPTION_SIZE * 1.3f;
            }
            float bottom = MARGIN + FOOT_SIZE + 6;
            float top = y + CAPTION_SIZE * 0.6f;
            PDImageXObject image = LosslessFactory.createFromImage(doc, s.sheet());
            float scale = Math.min(width / s.sheet().getWidth(), (top - bottom) / s.sheet().getHeight());
            float w = s.sheet().getWidth() * scale;
            float h = s.sheet().getHeight() * scale;
            c.drawImage(image, (PAGE.getWidth() - w) / 2, bottom + (top - bottom - h) / 2, w, h);
            String foot = s.lesson() + " · step " + s.number() + " of " + s.count();
            text(c, font, FOOT_SIZE, MARGIN, MARGIN, TextLines.encodable(foot, font), 0.45f);
        }
    }

    private static void text(PDPageContentStream c, PDFont font, float size, float x, float y, String line,
                             float grey) throws IOException {
        c.beginText();
        c.setNonStrokingColor(grey, grey, grey);
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(line);
        c.endText();
    }
}
