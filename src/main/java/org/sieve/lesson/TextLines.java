package org.sieve.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text broken into lines that fit a width in a PDF font; characters the font lacks become '?'. */
final class TextLines {

    private TextLines() {
    }

    /** At most {@code maxLines} lines, the last ending in "..." when the text is longer. */
    static List<String> wrap(String text, PDFont font, float size, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : encodable(text, font).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                String tried = line.isEmpty() ? word : line + " " + word;
                if (line.isEmpty() || width(tried, font, size) <= width) {
                    line.setLength(0);
                    line.append(tried);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && width(last + " ...", font, size) > width) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(maxLines - 1, last + " ...");
            return kept;
        }
        return lines;
    }

    static String encodable(String text, PDFont font) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(cp == '\n' ? "\n" : Character.isWhitespace(cp) ? " " : "?");
            }
        });
        return out.toString();
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
