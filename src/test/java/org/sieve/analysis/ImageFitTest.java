package org.sieve.analysis;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelCatalogue;

/** On the bundled samples: digits and clothes suit the 28x28 models and auto foreground; photos do not. */
class ImageFitTest {

    private static final ModelCatalogue BUNDLED = new ModelCatalogue(Path.of("assets", "models"), List.of());

    private static List<Path> samples(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-images", folder))) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static List<Path> photos() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-images"))) {
            return files.filter(f -> f.toString().matches(".*\\.(png|jpg)")).sorted().toList();
        }
    }

    private static PreparedImage on(ModelMetadata m, Path file) {
        return ImageLoader.load(file, m.input(), ResizeMode.STRETCH);
    }

    @Test
    void digitsAndClothesSuitTheirModels() throws IOException {
        ModelMetadata lenet = BUNDLED.resolve("lenet5-mnist").metadata();
        ModelMetadata vgg = BUNDLED.resolve("vgg-fashion").metadata();
        for (Path digit : samples("mnist")) {
            PreparedImage img = on(lenet, digit);
            assertNull(ImageFit.warning(lenet, img), digit.toString());
            assertNull(ForegroundMask.autoDoesNotApply(img), digit.toString());
        }
        for (Path garment : samples("fashion")) {
            assertNull(ImageFit.warning(vgg, on(vgg, garment)), garment.toString());
        }
    }

    @Test
    void photosOnADigitModelWarnAndGetNoAutoForeground() throws IOException {
        ModelMetadata lenet = BUNDLED.resolve("lenet5-mnist").metadata();
        ModelMetadata mobileNet = BUNDLED.resolve("mobilenet-v2-imagenet").metadata();
        List<Path> photos = photos();
        assertTrue(photos.size() >= 7, "the sample photos: " + photos);
        for (Path photo : photos) {
            PreparedImage img = on(lenet, photo);
            String warning = ImageFit.warning(lenet, img);
            assertNotNull(warning, photo.toString());
            assertTrue(warning.contains(photo.getFileName() + " looks like a")
                    && warning.contains("lenet5-mnist takes 28x28 grayscale input"), warning);
            assertTrue(photo.toString().contains("camera") || warning.contains("colour photo"), warning);
            // flower.jpg is a dahlia on a plain black ground: auto finds the flower, as it would a digit.
            assertTrue(photo.toString().contains("flower") || ForegroundMask.autoDoesNotApply(img) != null,
                    photo.toString());
            assertNull(ImageFit.warning(mobileNet, on(mobileNet, photo)), "a photo on a photo model: " + photo);
        }
    }
}
