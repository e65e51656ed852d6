package org.sieve.ui.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The explorer as a lecturer starts it, on a real X desktop with a window manager (Xvfb and
 * openbox): started from the desktop entry's Exec line with an image and a model file, restarted,
 * restarted maximised; after each start and with each dialog open, the windows' real sizes as the X
 * server has them. A 200x200 window or an un-maximised explorer fails here, where the headless
 * (Monocle) tests cannot see it.
 */
@Tag("gui")
@Tag("slow")
class ExplorerWindowSizeTest {

    static final String MAIN = "Sieve — what each layer of a CNN discards";
    static final String HELP = "Sieve — what the maps and curves mean";
    static final String MODEL_QUESTION = "How does this model take its pixels?";
    static final String OPEN_IMAGE = "Open an image";
    /** The explorer's first window, before it remembers one. */
    static final int FIRST_WIDTH = 1440;
    static final int FIRST_HEIGHT = 900;
    /** A window manager's frame may take this much of a window's size (openbox: 2 and 25 px). */
    static final int FRAME = 60;
    /** Under load a start takes long; the waits end as soon as the window is there. */
    static final int START_SECONDS = 180;
    static final int WINDOW_SECONDS = 60;
    /** How long a window may take to get its size on a busy computer (the explorer asks for it for 10 s). */
    static final int SIZED_SECONDS = 15;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920, 1080", "1280, 720"})
    void windowsKeepTheirSizeAtStartRestartAndWithEveryDialog(int width, int height) throws Exception {
        Assumptions.assumeTrue(RealDesktop.available(), "needs Xvfb, openbox, xdotool and xwininfo (.ci/run installs them)");
        Path shots = Path.of("target", "desktop-screenshots", width + "x" + height);
        Path config = Files.createDirectories(temp.resolve("config"));
        try (RealDesktop desktop = RealDesktop.start(width, height, temp)) {
            // First start, as a file manager's "Open with Sieve" runs the installed desktop entry.
            Path image = Path.of("sample-images", "mnist", "3-0.png").toAbsolutePath();
            Path model = Path.of("src", "test", "resources", "formats", "small-cnn.h5").toAbsolutePath();
            Process first = start(desktop, config, DesktopEntry.installed().arguments(List.of(image, model)));
            String main = desktop.awaitWindow(MAIN, START_SECONDS);
            // The model file has no Sieve metadata: the explorer asks how it takes its pixels.
            String question = desktop.awaitWindow(MODEL_QUESTION, START_SECONDS);
            RealDesktop.Geometry asked = sized(desktop, main, Math.min(FIRST_WIDTH, width), Math.min(FIRST_HEIGHT, height));
            assertSized(asked, Math.min(FIRST_WIDTH, width), Math.min(FIRST_HEIGHT, height), "first start");
            assertTrue(desktop.geometry(question).width() > 300, "the model question " + desktop.geometry(question));
            desktop.screenshot(shots.resolve("1-first-start-model-question.png"));
            desktop.type(question, "Escape");
            desktop.awaitGone(MODEL_QUESTION, WINDOW_SECONDS);
            assertEquals(asked, desktop.geometry(main), "the main window after the model question");
            checkDialogs(desktop, main, asked, shots, "2");
            RealDesktop.Geometry normal = desktop.geometry(main);
            quit(desktop, main, first);

            // Restart: the size it had.
            Process second = start(desktop, config, List.of());
            main = desktop.awaitWindow(MAIN, START_SECONDS);
            assertSized(sized(desktop, main, normal.width(), normal.height()), normal.width(), normal.height(),
                    "restart");
            desktop.screenshot(shots.resolve("3-restart.png"));
            quit(desktop, main, second);

            // Restart remembered as maximised: the whole screen, before and after each dialog.
            Path state = config.resolve("explorer.json");
            Files.writeString(state, Files.readString(state).replace("\"maximized\" : false", "\"maximized\" : true")
                    .replace("\"maximized\": false", "\"maximized\": true"));
            Process third = start(desktop, config, List.of());
            main = desktop.awaitWindow(MAIN, START_SECONDS);
            settle();
            RealDesktop.Geometry maximised = desktop.geometry(main);
            assertTrue(maximised.width() >= width - 10 && maximised.height() >= height - FRAME,
                    "maximised at restart: " + maximised + " on " + width + "x" + height);
            checkDialogs(desktop, main, maximised, shots, "4-maximised");
            quit(desktop, main, third);
        }
    }

    /** Help and the image chooser open at their size and leave the main window's alone. */
    private static void checkDialogs(RealDesktop desktop, String main, RealDesktop.Geometry expected, Path shots,
                                     String prefix) throws Exception {
        desktop.type(main, "F1");
        String help = desktop.awaitWindow(HELP, WINDOW_SECONDS);
        settle();
        RealDesktop.Geometry h = desktop.geometry(help);
        assertSized(h, (int) Math.min(900, desktop.width * 0.9), (int) Math.min(760, desktop.height * 0.9), "Help");
        assertTrue(h.x() >= 0 && h.y() > 0 && h.x() + h.width() <= desktop.width
                && h.y() + h.height() <= desktop.height, "Help with its title bar on the screen: " + h);
        assertEquals(expected, desktop.geometry(main), "the main window with Help open");
        desktop.screenshot(shots.resolve(prefix + "-help.png"));
        desktop.type(help, "Escape");
        desktop.awaitGone(HELP, WINDOW_SECONDS);

        desktop.type(main, "ctrl+o");
        String chooser = desktop.awaitWindow(OPEN_IMAGE, WINDOW_SECONDS);
        settle();
        RealDesktop.Geometry c = desktop.geometry(chooser);
        assertTrue(c.width() > 400 && c.height() > 300, "the image chooser " + c);
        assertEquals(expected, desktop.geometry(main), "the main window with the image chooser open");
        desktop.screenshot(shots.resolve(prefix + "-open-image.png"));
        desktop.type(chooser, "Escape");
        desktop.awaitGone(OPEN_IMAGE, WINDOW_SECONDS);
        settle();
        assertEquals(expected, desktop.geometry(main), "the main window after the image chooser");
    }

    /**
     * The window's geometry once it has about the size asked for, or after {@link #SIZED_SECONDS}:
     * on a busy computer the window manager's answers and the explorer's correction of them take
     * seconds, and a window left at the toolkit's 200x200 stays wrong however long one waits.
     */
    private static RealDesktop.Geometry sized(RealDesktop desktop, String id, int width, int height)
            throws Exception {
        long end = System.nanoTime() + SIZED_SECONDS * 1_000_000_000L;
        RealDesktop.Geometry g = desktop.geometry(id);
        while (System.nanoTime() < end && !about(g, width, height)) {
            Thread.sleep(250);
            g = desktop.geometry(id);
        }
        return g;
    }

    /** The window manager's answers to a new window come within a second or two. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2500);
    }

    /** The content is the size asked for, less at most the window manager's frame. */
    private static boolean about(RealDesktop.Geometry g, int width, int height) {
        return g != null && g.width() <= width + 4 && g.width() >= width - FRAME
                && g.height() <= height + 4 && g.height() >= height - FRAME;
    }

    private static void assertSized(RealDesktop.Geometry g, int width, int height, String when) {
        assertTrue(about(g, width, height),
                when + ": the window is " + g + ", asked for about " + width + "x" + height);
    }

    /** The explorer through its real entry point, in a JVM of its own on the desktop. */
    private Process start(RealDesktop desktop, Path config, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dsieve.home=" + Path.of("").toAbsolutePath(), "-Dsieve.config=" + config,
                "-Dsieve.cache=" + System.getProperty("sieve.cache", temp.resolve("cache").toString()),
                "org.sieve.cli.Main"));
        command.addAll(arguments);
        return desktop.process(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("explorer.log").toFile())).start();
    }

    /** Ctrl+Q as a user quits: the explorer saves what a restart restores and ends. */
    private void quit(RealDesktop desktop, String main, Process explorer) throws Exception {
        desktop.type(main, "ctrl+q");
        if (!explorer.waitFor(WINDOW_SECONDS, TimeUnit.SECONDS)) {
            explorer.destroyForcibly();
            throw new AssertionError("The explorer did not end after Ctrl+Q; its log: "
                    + Files.readString(temp.resolve("explorer.log")));
        }
        assertEquals(0, explorer.exitValue(), () -> "exit status; log: " + read(temp.resolve("explorer.log")));
        assertTrue(Files.exists(temp.resolve("config").resolve("explorer.json")), "the saved state");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
