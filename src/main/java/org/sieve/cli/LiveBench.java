package org.sieve.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sieve.SieveException;
import org.sieve.analysis.LiveFrames;
import org.sieve.image.ImageLoader;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LiveDiscarding;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.service.LiveWorker;

/**
 * {@code sieve bench --live}: a scripted pen draws a digit on a pad like the explorer's, or, with
 * a photo, a crop box half the photo's size sweeps across it; each mouse event's picture goes to
 * the same {@link LiveWorker} the explorer uses, and the frames that come back are counted.
 */
final class LiveBench {

    /** The explorer's pad: its size in pixels and its pen's width. */
    private static final int PAD = 196;
    private static final float PEN = 15;
    /** A mouse reports a drag about this often. */
    private static final long EVENT_MILLIS = 16;
    /** What the worker reports once the graph is ready. */
    private static final Object PREPARED = new Object();
    /** The pen's path, a 2 drawn in corner-to-corner strokes, in pad pixels. */
    private static final int[][] PATH = {{50, 60}, {75, 38}, {110, 32}, {140, 48}, {146, 78}, {128, 108},
        {96, 134}, {62, 160}, {52, 166}, {90, 164}, {130, 162}, {152, 160}};

    private LiveBench() {
    }

    /** What the user moves while live mode follows: the picture it gives at a point of its path (0 to 1). */
    private interface Gesture {
        Supplier<PreparedImage> at(double progress);

        /** What one mouse event is, for the report. */
        String events();
    }

    /** The pen drawing a 2 on the pad. */
    private static Gesture pen(ModelMetadata meta) {
        BufferedImage pad = new BufferedImage(PAD, PAD, BufferedImage.TYPE_BYTE_GRAY);
        return new Gesture() {
            @Override
            public Supplier<PreparedImage> at(double progress) {
                draw(pad, progress);
                return pixels(pad, meta);
            }

            @Override
            public String events() {
                return "pen events";
            }
        };
    }

    /** A crop box half the photo's shorter side wide, from the left edge to the right on a wave. */
    private static Gesture cropBox(Path photo, ModelMetadata meta) {
        BufferedImage picture = ImageLoader.picture(photo);
        int side = Math.max(1, Math.min(picture.getWidth(), picture.getHeight()) / 2);
        return new Gesture() {
            @Override
            public Supplier<PreparedImage> at(double progress) {
                int x = (int) Math.round(progress * (picture.getWidth() - side));
                int y = (int) Math.round((0.5 - 0.5 * Math.cos(2 * Math.PI * progress)) * (picture.getHeight() - side));
                RequestedRegion box = new RequestedRegion(x, y, side, side);
                return () -> ImageLoader.fromBufferedImage(picture, photo.toString(), meta.input(),
                        ResizeMode.STRETCH, box);
            }

            @Override
            public String events() {
                return "crop box moves over " + photo.getFileName();
            }
        };
    }

    /**
     * Opens live mode on the model as the explorer does when the model is chosen (the graph is
     * prepared in the background), puts the pen down once it is prepared, and counts the frames
     * from pen-down on: the first frame's delay is what a class sees after the first stroke.
     *
     * @param photo the photo a crop box moves over; null: the pen draws instead
     */
    static void run(PrintStream out, Model model, List<String> layers, DiscardingSettings settings, double seconds,
            Path photo) {
        ModelMetadata meta = model.metadata();
        Gesture gesture = photo == null ? pen(meta) : cropBox(photo, meta);
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        List<Double> frameSeconds = Collections.synchronizedList(new ArrayList<>());
        AtomicLong firstAt = new AtomicLong();
        long opened = System.nanoTime();
        try (LiveWorker live = new LiveWorker(model, layers, settings, new LiveWorker.Listener() {
            @Override
            public void prepared() {
                events.offer(PREPARED);
            }

            @Override
            public void frame(LiveFrames.Frame frame) {
                firstAt.compareAndSet(0, System.nanoTime());
                frameSeconds.add(frame.result().seconds());
                events.offer(frame);
            }

            @Override
            public void failed(Throwable failure) {
                events.offer(failure);
            }
        })) {
            // The explorer's pad and image loading are warm by the time a pen touches: so are the bench's.
            gesture.at(0).get();
            take(events, 120, "its graph prepared");
            long penDown = System.nanoTime();
            long end = penDown + (long) (seconds * 1e9);
            live.offer(gesture.at(0));
            int moves = 1;
            long firstFrame = 0;
            long giveUp = penDown + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                long now = System.nanoTime();
                if (firstFrame == 0 && !events.isEmpty()) {
                    take(events, 0, "first frame");
                    firstFrame = firstAt.get();
                }
                if (firstFrame != 0 && now >= end) {
                    break;
                }
                if (now >= giveUp) {
                    throw new SieveException("Live mode gave no first frame in 120 s.", SieveException.COMPUTE_FAILED,
                            null);
                }
                sleep(EVENT_MILLIS);
                live.offer(gesture.at(Math.min(1, (System.nanoTime() - penDown) / (double) (end - penDown))));
                moves++;
            }
            double elapsed = (System.nanoTime() - penDown) / 1e9;
            int count = frameSeconds.size();
            List<Double> sorted = frameSeconds.stream().sorted().toList();
            out.printf(Locale.ROOT, "live mode, %s, %d layers, %d fused steps per frame, %d %s in %.1f s%n",
                    meta.id(), layers.size(), LiveDiscarding.STEPS_PER_FRAME, moves, gesture.events(), elapsed);
            out.printf(Locale.ROOT, "graph prepared %d ms after the model was opened%n",
                    Math.round((penDown - opened) / 1e6));
            out.printf(Locale.ROOT, "first frame %d ms after pen-down%n", Math.round((firstFrame - penDown) / 1e6));
            out.printf(Locale.ROOT, "median frame %.1f ms%n", count == 0 ? Double.NaN
                    : 1000 * sorted.get(count / 2));
            out.printf(Locale.ROOT, "%.1f frames/s%n", count / elapsed);
            for (Object o : events) {
                if (o instanceof Throwable t) {
                    throw failed(t);
                }
            }
        }
    }

    /** The pen's stroke up to {@code progress} (0 to 1) of its path. */
    private static void draw(BufferedImage pad, double progress) {
        Graphics2D g = pad.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, PAD, PAD);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(PEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double reach = progress * (PATH.length - 1);
        for (int i = 0; i + 1 < PATH.length && i < reach; i++) {
            double t = Math.min(1, reach - i);
            int x = (int) Math.round(PATH[i][0] + t * (PATH[i + 1][0] - PATH[i][0]));
            int y = (int) Math.round(PATH[i][1] + t * (PATH[i + 1][1] - PATH[i][1]));
            g.drawLine(PATH[i][0], PATH[i][1], x, y);
        }
        g.dispose();
    }

    /** The pad as it is now, prepared on the live thread when its frame starts, as the explorer's is. */
    private static Supplier<PreparedImage> pixels(BufferedImage pad, ModelMetadata meta) {
        BufferedImage now = new BufferedImage(pad.getColorModel(), pad.copyData(null), false, null);
        return () -> ImageLoader.fromBufferedImage(now, "drawing", meta.input(), ResizeMode.STRETCH);
    }

    /** The next report, waiting up to {@code seconds} for it; a failure ends the bench. */
    private static void take(BlockingQueue<Object> events, int seconds, String what) {
        try {
            Object next = events.poll(seconds, TimeUnit.SECONDS);
            if (next instanceof Throwable t) {
                throw failed(t);
            }
            if (next == null) {
                throw new SieveException("Live mode gave no " + what + " in " + seconds + " s.",
                        SieveException.COMPUTE_FAILED, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SieveException("Interrupted.", SieveException.COMPUTE_FAILED, null);
        }
    }

    private static SieveException failed(Throwable t) {
        return new SieveException("Live mode failed: " + t.getMessage(), SieveException.COMPUTE_FAILED, t);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
