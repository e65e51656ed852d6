package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;
import org.sieve.network.format.DecoderSet;
import org.sieve.train.TestData;

/**
 * {@code sieve train-decoders} on a folder of images, then {@code analyze --metric ru} with the
 * decoders it saved, and the messages when decoders are missing, all through {@link Main#run}.
 */
class TrainDecodersCommandTest {

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void copyLeNet() throws IOException {
        model = TestData.copyOfLeNet(dir.resolve("my-lenet"));
    }

    @Test
    void trainsOnAFolderAndAnalysesWithTheDecoders() throws IOException {
        MainTest.Outcome t = MainTest.sieve("train-decoders", "--model", model.toString(), "--images",
                "sample-images/mnist", "--layers", "conv1", "--epochs", "1");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.err().contains("conv1") && t.err().contains("HELD-OUT MSE"), t.err());
        assertTrue(Files.isRegularFile(model.resolve(DecoderSet.FOLDER).resolve(DecoderSet.INDEX)));
        String index = Files.readString(model.resolve(DecoderSet.FOLDER).resolve(DecoderSet.INDEX));
        MainTest.Outcome again = MainTest.sieve("train-decoders", "--model", model.toString(), "--images",
                "sample-images/mnist", "--layers", "conv1", "--epochs", "1");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("already have decoders") && again.err().contains("--replace"), again.err());
        assertEquals(index, Files.readString(model.resolve(DecoderSet.FOLDER).resolve(DecoderSet.INDEX)),
                "the decoders stay as they were");

        Path out = dir.resolve("ru");
        MainTest.Outcome a = MainTest.sieve("analyze", "--model", model.toString(), "--image",
                "sample-images/mnist/0-7.png", "--metric", "ru", "--layers", "conv1", "--steps", "20", "--no-cache",
                "--out", out.toString());
        assertEquals(0, a.status(), a.err());
        assertTrue(a.err().contains("r (nats/dim)"), a.err());
        JsonObject result = ResultJson.parse(Files.readString(out.resolve("result.json")));
        assertEquals("ru", result.get("metric").getAsString());
        JsonObject conv1 = result.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals(28 * 28, conv1.getAsJsonArray("reconstruction").size());
        assertTrue(Files.size(out.resolve("conv1-reconstruction.png")) > 0);

        MainTest.Outcome missingLayer = MainTest.sieve("analyze", "--model", model.toString(), "--image",
                "sample-images/mnist/0-7.png", "--metric", "ru", "--layers", "pool1", "--no-cache", "--out",
                dir.resolve("none").toString());
        assertEquals(3, missingLayer.status());
        assertTrue(missingLayer.err().contains("no decoder for layer(s) pool1")
                && missingLayer.err().contains("train-decoders --model " + model), missingLayer.err());
    }

    @Test
    void aModelWithoutDecodersIsRefusedWithHowToTrainThem() throws IOException {
        Path bare = TestData.copyOfLeNet(dir.resolve("bare-lenet"));
        MainTest.Outcome o = MainTest.sieve("analyze", "--model", bare.toString(), "--image",
                "sample-images/mnist/0-7.png", "--metric", "ru", "--no-cache", "--out", dir.resolve("x").toString());
        assertEquals(3, o.status());
        assertTrue(o.err().contains("has no decoders") && o.err().contains("sieve train-decoders --model " + bare),
                o.err());
        MainTest.Outcome few = MainTest.sieve("train-decoders", "--model", bare.toString(), "--images",
                dir.resolve("empty").toString());
        assertEquals(3, few.status());
        assertTrue(few.err().contains("is not a folder"), few.err());
        MainTest.Outcome metric = MainTest.sieve("analyze", "--model", bare.toString(), "--image",
                "sample-images/mnist/0-7.png", "--metric", "psnr");
        assertEquals(3, metric.status());
        assertTrue(metric.err().contains("Unknown metric 'psnr'"), metric.err());
    }
}
