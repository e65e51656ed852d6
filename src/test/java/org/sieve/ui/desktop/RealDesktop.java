package org.sieve.ui.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An X server of a given size (Xvfb, key repeat off so that a slow machine does not repeat a
 * pressed key) with a real window manager (openbox), as a lecturer's desktop: windows are placed,
 * decorated, maximised and focused by the window manager, not by the toolkit. Reads real window
 * geometry (xwininfo) and types real keys (xdotool).
 */
final class RealDesktop implements AutoCloseable {

    /** Where a window is and how large its content is, as the X server has it. */
    record Geometry(int x, int y, int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height + "+" + x + "+" + y;
        }
    }

    private final Process server;
    private final Process windowManager;
    final String display;
    final int width;
    final int height;

    private RealDesktop(Process server, Process windowManager, String display, int width, int height) {
        this.server = server;
        this.windowManager = windowManager;
        this.display = display;
        this.width = width;
        this.height = height;
    }

    /** Whether this machine has the programs (installed by .ci/run). */
    static boolean available() {
        return List.of("Xvfb", "openbox", "xdotool", "xwininfo").stream().allMatch(RealDesktop::onPath);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Starts a screen of {@code width} x {@code height} on a free display number, with openbox on it. */
    static RealDesktop start(int width, int height, Path work) throws IOException, InterruptedException {
        Path number = work.resolve("display-number");
        // -displayfd: the server picks a free display and writes its number to the given descriptor;
        // a shell gives it one that points at a file.
        Process server = new ProcessBuilder("sh", "-c", "exec Xvfb -displayfd 3 -screen 0 " + width + "x" + height
                + "x24 -nolisten tcp -r 3>\"$0\"", number.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        String display = null;
        for (int i = 0; i < 200 && display == null; i++) {
            String written = Files.exists(number) ? Files.readString(number).trim() : "";
            display = written.isEmpty() ? null : ":" + written;
            if (display == null) {
                if (!server.isAlive()) {
                    throw new IOException("Xvfb stopped: " + Files.readString(work.resolve("xvfb.log")));
                }
                Thread.sleep(50);
            }
        }
        if (display == null) {
            server.destroy();
            throw new IOException("Xvfb gave no display number within 10 s");
        }
        ProcessBuilder wm = new ProcessBuilder("openbox").redirectErrorStream(true)
                .redirectOutput(work.resolve("openbox.log").toFile());
        wm.environment().put("DISPLAY", display);
        RealDesktop desktop = new RealDesktop(server, wm.start(), display, width, height);
        desktop.awaitWindowManager();
        return desktop;
    }

    /** openbox announces itself on the root window once it manages windows. */
    private void awaitWindowManager() throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("openbox did not start on " + display);
    }

    /** A process on this desktop. */
    ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb;
    }

    /** Runs a tool on this desktop and returns what it printed. */
    String run(String... command) throws IOException, InterruptedException {
        Process p = process(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The shown window titled exactly {@code title}, waited for up to {@code seconds}. */
    String awaitWindow(String title, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Optional<String> id = window(title);
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No window '" + title + "' on " + display + " within " + seconds + " s; shown: "
                + run("xdotool", "search", "--onlyvisible", "--name", "."));
    }

    /** Waits until no shown window is titled {@code title}. */
    void awaitGone(String title, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (window(title).isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The window '" + title + "' is still shown after " + seconds + " s");
    }

    /** The toolkit's top-level window of that title (the largest, where GTK made several). */
    Optional<String> window(String title) throws IOException, InterruptedException {
        String found = run("xdotool", "search", "--onlyvisible", "--name", "^" + literal(title) + "$").trim();
        Optional<String> best = Optional.empty();
        long area = -1;
        for (String id : found.lines().filter(l -> l.matches("\\d+")).toList()) {
            Geometry g = geometry(id);
            if (g != null && (long) g.width() * g.height() > area) {
                area = (long) g.width() * g.height();
                best = Optional.of(id);
            }
        }
        return best;
    }

    /** {@code text} as a POSIX extended regular expression (xdotool's) that matches only itself. */
    private static String literal(String text) {
        return text.replaceAll("([.\\[\\]()*+?{}|^$\\\\])", "\\\\$1");
    }

    /** The window's content area on the screen (without the window manager's frame); null if it went. */
    Geometry geometry(String id) throws IOException, InterruptedException {
        String info = run("xwininfo", "-id", id);
        Map<String, Integer> v = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(Absolute upper-left X|Absolute upper-left Y|Width|Height):\\s+(-?\\d+)")
                .matcher(info);
        while (m.find()) {
            v.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return v.size() < 4 ? null : new Geometry(v.get("Absolute upper-left X"), v.get("Absolute upper-left Y"),
                v.get("Width"), v.get("Height"));
    }

    /** Gives the window the focus as a click on it would, then types {@code keys} (xdotool's names). */
    void type(String window, String... keys) throws IOException, InterruptedException {
        run("xdotool", "windowactivate", "--sync", window);
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--clearmodifiers"));
        command.addAll(List.of(keys));
        run(command.toArray(String[]::new));
    }

    /** The whole screen as a PNG, where ImageMagick is installed (for looking at, not for checking). */
    void screenshot(Path file) throws IOException, InterruptedException {
        if (onPath("import")) {
            Files.createDirectories(file.getParent());
            run("import", "-window", "root", file.toString());
        }
    }

    @Override
    public void close() {
        for (Process p : new Process[] {windowManager, server}) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
