package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Analyzer;
import org.sieve.analysis.ResultJson;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.DecoderIndex;
import org.sieve.network.format.ModelStore;
import org.sieve.train.TestData;

/** The service with a result cache: hits, partial hits, damaged entries. */
class CachingTest {

    @TempDir
    Path folder;
    ResultCache cache;
    AnalysisService service;

    @BeforeEach
    void open() {
        cache = ResultCache.open(folder, ResultCache.DEFAULT_MAX_BYTES);
        service = new AnalysisService(cache);
    }

    @AfterEach
    void close() {
        service.close();
    }

    JobResult run(AnalysisRequest req, Recorder events) {
        return service.submit(req, Priority.INTERACTIVE, events).await();
    }

    @Test
    void aRepeatedAnalysisComesFromTheCacheAtOnce() {
        AnalysisRequest req = Fixtures.masked(List.of("conv1", "conv2"), 30);
        JobResult first = run(req, new Recorder(false));
        assertEquals(Set.of(), first.cachedLayers());

        Recorder events = new Recorder(false);
        long start = System.nanoTime();
        JobResult again = run(req, events);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("cached repeat of 2 layers: %.1f ms%n", millis);
        assertTrue(millis < 500, millis + " ms");
        assertEquals(Set.of("conv1", "conv2"), again.cachedLayers());
        assertEquals(0, again.engineSeconds());
        assertTrue(events.of(JobEvent.Step.class).isEmpty() && events.of(JobEvent.LayerStarted.class).isEmpty());
        assertTrue(events.of(JobEvent.LayerFinished.class).stream().allMatch(JobEvent.LayerFinished::cached));
        assertEquals(first.analysis().discarding().grid().cellOfPixel().length,
                again.analysis().discarding().grid().cellOfPixel().length);
        assertArrayEquals(first.analysis().discarding().grid().cellOfPixel(),
                again.analysis().discarding().grid().cellOfPixel());
        for (int i = 0; i < 2; i++) {
            LayerResult a = first.analysis().discarding().layers().get(i);
            LayerResult b = again.analysis().discarding().layers().get(i);
            assertArrayEquals(a.sigma(), b.sigma());
            assertEquals(a.entropyPerDim(), b.entropyPerDim());
            assertEquals(a.entropyEnvelope(), b.entropyEnvelope());
            assertEquals(a.foreground(), b.foreground(), "foreground views recomputed from the cached map");
        }
        JsonObject json = ResultJson.toJson(again.analysis(), again.cachedLayers());
        json.getAsJsonArray("layers").forEach(l -> assertTrue(l.getAsJsonObject().get("cached").getAsBoolean()));
        ResultJson.toJson(first.analysis(), first.cachedLayers()).getAsJsonArray("layers")
                .forEach(l -> assertTrue(!l.getAsJsonObject().get("cached").getAsBoolean()));
    }

    @Test
    void onlyTheLayersMissingFromTheCacheAreComputed() {
        run(Fixtures.request(List.of("conv2"), 30), new Recorder(false));
        Recorder events = new Recorder(false);
        JobResult r = run(Fixtures.request(List.of("conv1", "pool1", "conv2"), 30), events);
        assertEquals(Set.of("conv2"), r.cachedLayers());
        assertEquals(List.of(new JobEvent.LayerStarted("conv1"), new JobEvent.LayerStarted("pool1")),
                events.of(JobEvent.LayerStarted.class));
        List<LayerResult> layers = r.analysis().discarding().layers();
        assertEquals(List.of("conv1", "pool1", "conv2"), layers.stream().map(LayerResult::name).toList());
        double max = Double.NEGATIVE_INFINITY;
        for (LayerResult l : layers) {
            max = Math.max(max, l.entropyPerDim());
            assertEquals(max, l.entropyEnvelope(), "envelope over the merged layers");
        }
        // A partial hit is as good as a fresh run of all three layers together, bit for bit.
        try (Analyzer analyzer = new Analyzer()) {
            List<LayerResult> fresh = analyzer.run(Fixtures.request(List.of("conv1", "pool1", "conv2"), 30),
                    AnalysisListener.NONE, () -> false).discarding().layers();
            for (int i = 0; i < fresh.size(); i++) {
                assertArrayEquals(fresh.get(i).sigma(), layers.get(i).sigma(), fresh.get(i).name() + "'s sigma");
                assertEquals(fresh.get(i).entropyPerDim(), layers.get(i).entropyPerDim(), fresh.get(i).name());
            }
        }
    }

    @Test
    void aDifferentSettingOrImageMisses() {
        run(Fixtures.request(List.of("conv1"), 30), new Recorder(false));
        AnalysisRequest otherSteps = Fixtures.request(List.of("conv1"), 31);
        assertEquals(Set.of(), run(otherSteps, new Recorder(false)).cachedLayers());
        AnalysisRequest otherImage = new AnalysisRequest(Fixtures.MODEL, Fixtures.image(1), List.of("conv1"), null,
                Fixtures.settings(30, 0));
        assertEquals(Set.of(), run(otherImage, new Recorder(false)).cachedLayers());
        assertNotEquals(CacheKeys.of(otherImage).forLayer("conv1"), CacheKeys.of(otherSteps).forLayer("conv1"));
    }

    @Test
    void damagedEntriesAreDiscardedAndRecomputed() throws IOException {
        AnalysisRequest req = Fixtures.request(List.of("conv1", "conv2"), 30);
        JobResult first = run(req, new Recorder(false));
        Path conv1 = entryOf(req, "conv1");
        Path conv2 = entryOf(req, "conv2");
        String text = Files.readString(conv1, StandardCharsets.UTF_8);
        Files.writeString(conv1, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(conv2);
        int digit = new String(bytes, StandardCharsets.UTF_8).indexOf("\"entropyPerDim\":") + 17;
        bytes[digit] = (byte) (bytes[digit] == '1' ? '2' : '1');
        Files.write(conv2, bytes);

        Recorder events = new Recorder(false);
        JobResult again = run(req, events);
        assertEquals(Set.of(), again.cachedLayers(), "a partial entry and a checksum mismatch are both misses");
        assertEquals(2, events.of(JobEvent.LayerStarted.class).size());
        assertEquals(first.analysis().discarding().layers().get(0).entropyPerDim(),
                again.analysis().discarding().layers().get(0).entropyPerDim(), "recomputed identically");
        assertEquals(Set.of("conv1", "conv2"), run(req, new Recorder(false)).cachedLayers(),
                "the recomputed layers replaced the damaged entries");
    }

    @Test
    void failedLayersAreNotCached() {
        Network net = TestNetworks.withOverflow();
        Model model = ModelStore.inMemory(net, ModelMetadata.defaults("overflow", net));
        AnalysisRequest req = new AnalysisRequest(model, Fixtures.image(0), List.of("conv1", "overflow"), null,
                Fixtures.settings(10, 0));
        JobResult r = run(req, new Recorder(false));
        assertNotNull(r.analysis().discarding().layers().get(1).failure());
        assertEquals(Set.of("conv1"), run(req, new Recorder(false)).cachedLayers());
    }

    @Test
    void reconstructionUncertaintyIsCachedWithItsReconstructionsAndKeyedByTheDecoders() throws IOException {
        Path dir = TestData.copyOfLeNet(folder.resolve("lenet"));
        Path decoders = Path.of("assets", "models", "lenet5-mnist", DecoderIndex.FOLDER);
        try (Stream<Path> files = Files.walk(decoders)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(DecoderIndex.FOLDER).resolve(decoders.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Model model = ModelStore.load(dir);
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        DiscardingSettings ru = DiscardingSettings.defaults().toBuilder().maxSteps(15)
                .metric(Metric.RECONSTRUCTION_UNCERTAINTY).build();
        AnalysisRequest req = new AnalysisRequest(model, image, List.of("conv1", "logits"), null, ru);
        JobResult first = run(req, new Recorder(false));
        JobResult again = run(req, new Recorder(false));
        assertEquals(Set.of("conv1", "logits"), again.cachedLayers());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(first.analysis().discarding().layers().get(i).reconstruction(),
                    again.analysis().discarding().layers().get(i).reconstruction());
        }
        AnalysisRequest metric1 = new AnalysisRequest(model, image, List.of("conv1"), null,
                ru.toBuilder().metric(Metric.INFORMATION_DISCARDING).build());
        assertEquals(Set.of(), run(metric1, new Recorder(false)).cachedLayers(), "metric 1 is another result");

        Path index = dir.resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX);
        Files.writeString(index, Files.readString(index) + "\n");
        assertEquals(Set.of(), run(req, new Recorder(false)).cachedLayers(), "retrained decoders miss the cache");
    }

    Path entryOf(AnalysisRequest req, String layer) throws IOException {
        String key = CacheKeys.of(req).forLayer(layer);
        try (Stream<Path> files = Files.list(folder.resolve("layers"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(key)).findFirst().orElseThrow();
        }
    }
}
