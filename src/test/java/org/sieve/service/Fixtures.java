package org.sieve.service;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.SettingsTable;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.ModelStore;

/** A tiny conv network, digit-like images and fast settings, so service tests take seconds. */
public final class Fixtures {

    static final Network NETWORK = TestNetworks.convStack(1f, 1);
    static final Model MODEL = ModelStore.inMemory(NETWORK, ModelMetadata.defaults("tiny-conv", NETWORK));
    /**
     * The most steps allowed, more than any test waits for; the job only ends when cancelled
     * (convergence needs 20% of them).
     */
    static final int ENDLESS = SettingsTable.MAX_STEPS;

    private Fixtures() {
    }

    /** A vertical bar whose position depends on {@code variant}, on black. */
    public static BufferedImage bar(int variant) {
        BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(4 + 2 * (variant % 6), 3, 6, 18);
        g.dispose();
        return img;
    }

    static PreparedImage image(int variant) {
        return ImageLoader.fromBufferedImage(bar(variant), "bar-" + variant, new ModelInput(TestNetworks.SIZE,
                TestNetworks.SIZE, 1),
                ResizeMode.STRETCH);
    }

    static DiscardingSettings settings(int steps, long seed) {
        return DiscardingSettings.defaults().toBuilder().maxSteps(steps).seed(seed).checkDraws(16).build();
    }

    static AnalysisRequest request(List<String> layers, int steps) {
        return new AnalysisRequest(MODEL, image(0), layers, null, settings(steps, 0));
    }

    static AnalysisRequest masked(List<String> layers, int steps) {
        PreparedImage img = image(0);
        return new AnalysisRequest(MODEL, img, layers, ForegroundMask.auto(img), settings(steps, 0));
    }
}
