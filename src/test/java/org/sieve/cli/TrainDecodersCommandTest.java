package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.imageio.ImageIO;
import org.sieve.analysis.TinyDetector;
import org.sieve.analysis.ResultJson;
import org.sieve.model.ModelKind;
import org.sieve.network.format.DecoderIndex;
import org.sieve.train.TestData;

/**
 * {@code sieve train-decoders} on a folder of images, then {@code analyze --metric ru} with the
 * decoders it saved, and the messages when decoders are missing, all through {@link Main#run}.
 */
@Tag("slow")
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
        assertTrue(Files.isRegularFile(model.resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX)));
        String index = Files.readString(model.resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX));
        MainTest.Outcome again = MainTest.sieve("train-decoders", "--model", model.toString(), "--images",
                "sample-images/mnist", "--layers", "conv1", "--epochs", "1");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("already have decoders") && again.err().contains("--replace"), again.err());
        assertEquals(index, Files.readString(model.resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX)),
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

    /** Metric 2 over decoders of two designs is analysed, with a warning that names the layers of each. */
    @Test
    void decodersOfDifferentDesignsAreWarnedOf() throws IOException {
        Path mixed = TestData.copyOfLeNet(dir.resolve("mixed-lenet"));
        Path decoders = Path.of("assets", "models", "lenet5-mnist", DecoderIndex.FOLDER);
        try (var files = Files.walk(decoders)) {
            for (Path f : files.toList()) {
                Path to = mixed.resolve(DecoderIndex.FOLDER).resolve(decoders.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        // pool1's entry as an index from before designs were recorded has it.
        JsonObject index = JsonParser.parseString(Files.readString(decoders.resolve(DecoderIndex.INDEX)))
                .getAsJsonObject();
        index.getAsJsonObject("layers").getAsJsonObject("pool1").getAsJsonObject("training").remove("design");
        Files.writeString(mixed.resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX), index.toString());

        MainTest.Outcome both = analyzeRu(mixed, "conv1,pool1,conv2");
        assertEquals(0, both.status(), both.err());
        assertTrue(both.err().contains("warning: The decoders of these layers of lenet5-mnist are of different designs:"
                + " conv1, conv2 (equal-capacity); pool1 (earlier design).")
                && both.err().contains("train-decoders --model " + mixed + " --layers pool1 --replace"), both.err());
        MainTest.Outcome one = analyzeRu(mixed, "conv1,conv2");
        assertEquals(0, one.status(), one.err());
        assertTrue(!one.err().contains("different designs"), one.err());
    }

    private static MainTest.Outcome analyzeRu(Path model, String layers) {
        return MainTest.sieve("analyze", "--model", model.toString(), "--image", "sample-images/mnist/0-7.png",
                "--metric", "ru", "--layers", layers, "--steps", "3", "--no-cache", "--out",
                dir.resolve("ru-" + layers.replace(',', '-')).toString());
    }

    /** A photo model whose training data is not offline: told so, and trained on a folder of photos instead. */
    @Test
    void aPhotoModelTrainsItsDecodersOnTheUsersImages() throws IOException {
        Path photo = TinyDetector.save(dir.resolve("photo-models"), ModelKind.CLASSIFIER, 16, 3).dir();
        JsonObject meta = JsonParser.parseString(Files.readString(photo.resolve("sieve.json"))).getAsJsonObject();
        meta.addProperty("dataset", "ImageNet");
        Files.writeString(photo.resolve("sieve.json"), meta.toString());
        Path images = dir.resolve("my-photos");
        Files.createDirectories(images);
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    img.setRGB(x, y, (x * 6 + i * 20) % 256 << 16 | (y * 8) % 256 << 8 | (x * y + i) % 256);
                }
            }
            ImageIO.write(img, "png", images.resolve("photo-" + i + ".png").toFile());
        }
        Path image = images.resolve("photo-0.png");
        MainTest.Outcome none = MainTest.sieve("analyze", "--model", photo.toString(), "--image", image.toString(),
                "--metric", "ru", "--no-cache", "--out", dir.resolve("p0").toString());
        assertEquals(3, none.status());
        assertTrue(none.err().contains("Its training data (ImageNet) is not available offline")
                && none.err().contains("sieve train-decoders --model tiny-classifier --images DIR"), none.err());
        MainTest.Outcome noData = MainTest.sieve("train-decoders", "--model", photo.toString());
        assertEquals(2, noData.status());
        assertTrue(noData.err().contains("not available offline") && noData.err().contains("--images DIR"),
                noData.err());

        MainTest.Outcome t = MainTest.sieve("train-decoders", "--model", photo.toString(), "--images",
                images.toString(), "--layers", "heat", "--epochs", "1");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.err().contains("HELD-OUT MSE"), t.err());
        MainTest.Outcome ru = MainTest.sieve("analyze", "--model", photo.toString(), "--image", image.toString(),
                "--metric", "ru", "--layers", "heat", "--steps", "5", "--no-cache", "--out",
                dir.resolve("p1").toString());
        assertEquals(0, ru.status(), ru.err());
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
