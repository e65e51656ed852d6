package org.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ as a reader meets them: every relative link leads to a file that exists
 * (and, for a page, to a heading it has), the README stays short, and no page reads as a
 * development log.
 */
class DocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern DEVELOPMENT_LOG = Pattern.compile("(?i)stop [0-9]+|throwaway");
    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages()) {
            List<String> lines = prose(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i).replaceAll("`[^`]*`", ""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                    String where = page + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (hash >= 0 && resolved.toString().endsWith(".md")
                            && !anchors.computeIfAbsent(resolved, DocsTest::anchors).contains(target.substring(hash + 1))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeFitsOnAFewScreensWithAPictureInTheFirst() throws IOException {
        List<String> lines = Files.readAllLines(README);
        assertTrue(lines.size() < 200, "README.md has " + lines.size() + " lines; move detail into docs/");
        assertTrue(lines.subList(0, 30).stream().anyMatch(l -> l.startsWith("![")), "a picture in the first screen");
    }

    @Test
    void noPageReadsAsADevelopmentLog() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (DEVELOPMENT_LOG.matcher(lines.get(i)).find()) {
                    found.add(page + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found, "a figure carries its date, machine and command, not the development's history");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.walk(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page's lines with fenced code blocks blanked, so that code is not read as links or headings. */
    private static List<String> prose(Path page) {
        try {
            List<String> lines = new ArrayList<>();
            boolean code = false;
            for (String line : Files.readAllLines(page)) {
                boolean fence = line.strip().startsWith("```");
                code ^= fence;
                lines.add(code || fence ? "" : line);
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The anchors a Markdown renderer (GitHub's) gives the page's headings. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = m.group(1).strip().toLowerCase(Locale.ROOT).replace("`", "")
                        .replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }
}
