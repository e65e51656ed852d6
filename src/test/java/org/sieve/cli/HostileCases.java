package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.sieve.image.TestPhotos;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.HostileModels;
import org.sieve.network.format.ModelStore;

/**
 * Builds issue 14's hostile inputs into a folder, each case in a sandbox of its own: damaged
 * and hostile model folders, malformed and unusual images, absurd settings. Nothing here is a
 * committed binary; every file is made from a small valid model or image.
 */
final class HostileCases {

    /**
     * @param row    the row of issue 14's table, or 0 for valid but unusual input
     * @param status the exit status expected
     * @param mention what the one-line message must name (the file, option or value)
     */
    record Case(String name, int row, Path sandbox, Path out, String[] args, int status, String mention,
            List<String> stdoutMentions, HostileInputTest.After after) {

        @Override
        public String toString() {
            return (row == 0 ? "valid" : "row " + row) + ": " + name;
        }
    }

    private final Path root;
    private final Path base;
    private final Path image;
    private final List<Case> cases = new ArrayList<>();

    private HostileCases(Path root) throws IOException {
        this.root = root;
        this.base = root.resolve("base-model");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 3), ModelMetadata.defaults("base-model",
                TestNetworks.convStack(1f, 3))), base);
        this.image = root.resolve("digit.png");
        ImageIO.write(digit(), "png", image.toFile());
    }

    List<Case> all() {
        return cases;
    }

    static HostileCases buildIn(Path root) throws IOException {
        deleteTree(root);
        Files.createDirectories(root);
        HostileCases c = new HostileCases(root.toAbsolutePath());
        c.settings();
        c.modelFields();
        c.modelDefects();
        c.modelFormats();
        c.images();
        c.escapes();
        c.unusualImages();
        return c;
    }

    // ---- rows 1 and 8: absurd settings ----

    private void settings() throws IOException {
        analyzeFails("draws-int-max", 1, 3, "draws", "--draws", "2147483647");
        analyzeFails("steps-huge", 8, 2, "--steps", "--steps", "999999999");
        Path budget = sandbox("steps-large-converges");
        add("steps-large-converges", 8, budget, budget.resolve("out"), new String[] {"analyze", "--model",
                base.toString(), "--image", image.toString(), "--steps", "100000", "--no-cache", "--out",
                budget.resolve("out").toString()}, 0, "", List.of(), o -> assertTrue(JsonParser.parseString(
                        Files.readString(budget.resolve("out").resolve("result.json"))).getAsJsonObject()
                        .getAsJsonArray("layers").asList().stream().allMatch(l -> l.getAsJsonObject().get("steps")
                                .getAsInt() <= 1000), "early stopping ends a large budget"));
        analyzeFails("grid-huge", 1, 3, "2147483647", "--grid", "2147483647x2147483647");
        Path sandbox = sandbox("out-empty");
        add("out-empty", 12, sandbox, sandbox.resolve("out"), args(base, image, null, "--out", ""), 2, "--out");
    }

    // ---- rows 2, 3, 9, 11: model fields ----

    private void modelFields() throws IOException {
        modelFails("id-escapes", 2, "sieve.json", m -> editSieveJson(m, j -> j.addProperty("id", "../../escaped")),
                false);
        modelFails("shape-string", 3, "model.json", m -> editWeight(m, 0, w -> w.getAsJsonArray("shape").set(0,
                new com.google.gson.JsonPrimitive("a"))), true);
        modelFails("dtype-object", 3, "model.json", m -> editWeight(m, 0, w -> w.add("dtype", new JsonObject())),
                true);
        modelFails("quantisation-scale-text", 3, "model.json", m -> editWeight(m, 0, w -> {
            JsonObject q = new JsonObject();
            q.addProperty("dtype", "uint8");
            q.addProperty("scale", "x");
            q.addProperty("min", 0);
            w.add("quantization", q);
        }), true);
        modelFails("paths-object", 3, "model.json", m -> editManifest(m, g -> g.getAsJsonArray("paths").set(0,
                new JsonObject())), true);
        modelFails("path-nul", 3, "model.json", m -> editManifest(m, g -> g.getAsJsonArray("paths").set(0,
                new com.google.gson.JsonPrimitive("group1\u0000.bin"))), true);
        modelFails("output-layers-empty", 3, "model.json", m -> editConfig(m, c -> {
            JsonArray outputs = new JsonArray();
            outputs.add(new JsonArray());
            c.add("output_layers", outputs);
        }), true);
        modelFails("weights-nan", 9, "conv1/kernel", m -> overwriteShard(m, 0, Float.NaN), true);
        modelFails("weights-infinite", 9, "conv2/bias", m -> overwriteShard(m, -4, Float.POSITIVE_INFINITY),
                true);
        modelFails("shard-link-outside", 11, "group1-shard1of1.bin", m -> {
            Path outside = m.getParent().resolve("outside.bin");
            Files.move(m.resolve("group1-shard1of1.bin"), outside);
            Files.createSymbolicLink(m.resolve("group1-shard1of1.bin"), outside);
        }, true);
        modelFails("shape-fraction", 11, "model.json", m -> editWeight(m, 1, w -> w.getAsJsonArray("shape").set(0,
                new com.google.gson.JsonPrimitive(5.5))), true);
        modelFails("shape-overflow", 11, "model.json", m -> editWeight(m, 1, w -> {
            JsonArray shape = new JsonArray();
            shape.add(1L << 32);
            shape.add(1L << 32);
            w.add("shape", shape);
        }), true);
        modelFails("lambda-unconnected", 11, "Lambda", m -> editConfig(m, c -> {
            JsonObject lambda = JsonParser.parseString("{\"class_name\":\"Lambda\",\"name\":\"side\",\"config\":"
                    + "{\"name\":\"side\",\"function\":\"os.system\"},\"inbound_nodes\":[[[\"input\",0,0,{}]]]}")
                    .getAsJsonObject();
            c.getAsJsonArray("layers").add(lambda);
        }), true);
    }

    // ---- rows 4, 5, 10: model defects ----

    private void modelDefects() throws IOException {
        modelFails("strides-zero", 5, "conv1", m -> editLayer(m, "conv1", l -> l.add("strides", pair(0))), true);
        modelFails("pool-zero", 5, "pool1", m -> editLayer(m, "pool1", l -> l.add("pool_size", pair(0))), true);
        modelFails("input-too-small", 5, "conv", m -> {
            editInput(m, 2);
            editLayer(m, "conv1", l -> l.addProperty("padding", "valid"));
        }, true);
        modelFails("input-huge", 4, "100000", m -> editInput(m, 100_000), true);
        modelFails("input-overflow", 4, "46341", m -> editInput(m, 46_341), true);

        decoderIndex("decoders-json-malformed", 3, "{ \"model\": ");
        decoderIndex("decoders-entry-not-object", 5, null);

        Path sandbox = sandbox("model-dir-one-broken");
        Path models = sandbox.resolve("models");
        copyTree(base, models.resolve("good-model"));
        editSieveJson(models.resolve("good-model"), j -> j.addProperty("id", "good-model"));
        copyTree(base, models.resolve("broken-model"));
        Files.writeString(models.resolve("broken-model").resolve("model.json"), "{ not json");
        add("models-list-broken", 10, sandbox, sandbox.resolve("out"), new String[] {"models", "--model-dir",
                models.toString()}, 0, "", List.of("good-model", "broken-model", "lenet5-mnist"),
                HostileInputTest.After.NOTHING);
        add("analyze-beside-broken", 10, sandbox, sandbox.resolve("out"), args(models.resolve("good-model"), image,
                sandbox.resolve("out"), "--model-dir", models.toString()), 0, "");
        add("bundled-beside-broken", 10, sandbox, sandbox.resolve("out2"), new String[] {"layers", "--model",
                "lenet5-mnist", "--model-dir", models.toString()}, 0, "");
    }

    // ---- the other formats Sieve opens (ONNX, .keras, .h5, TF.js graph, frozen .pb) ----

    private void modelFormats() throws IOException {
        formatFails("onnx-truncated", 3, "cut.onnx", null, f -> HostileModels.truncated("tiny.onnx", 0.6, f));
        formatFails("onnx-nan", 9, "nan.onnx", "'conv.weight' holds NaN", f -> HostileModels.onnx(f,
                m -> HostileModels.onnxWeight(m, "conv.weight", 5, Float.NaN)));
        formatFails("onnx-huge-shape", 11, "huge.onnx", "declares shape", f -> HostileModels.onnx(f,
                m -> m.getGraphBuilder().getInitializerBuilder(0).clearDims().addAllDims(List.of(1L << 20, 1L << 20,
                        3L, 3L))));
        formatFails("onnx-size-bomb", 4, "bomb.onnx", "holds 216 bytes where its shape needs 1073741824",
                f -> HostileModels.onnx(f, m -> m.getGraphBuilder().getInitializerBuilder(0).clearDims()
                        .addDims(1L << 28)));
        formatFails("onnx-dynamic-input", 5, "dynamic.onnx", "fixed input size", f -> HostileModels.onnx(f,
                m -> m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                        .getDimBuilder(2).setDimParam("height")));
        formatFails("onnx-two-outputs", 5, "outputs.onnx", "has 2 outputs", f -> HostileModels.onnx(f,
                m -> m.getGraphBuilder().addOutput(m.getGraphBuilder().getOutput(0).toBuilder().setName("extra"))));
        formatFails("onnx-random-op", 11, "random.onnx", "(Multinomial)", f -> HostileModels.onnx(f,
                m -> m.getGraphBuilder().addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setName("side")
                        .setOpType("Multinomial").addInput("input")
                        .addOutput("unused"))));
        formatFails("onnx-folder", 7, "model.onnx", "not a model folder", Files::createDirectories);
        formatFails("onnx-fifo", 7, "model.onnx", "not a regular file", f -> {
            mkfifo(f);
            return f;
        });
        formatFails("keras-zip-bomb", 7, "bomb.keras", "unpacks to at least", f -> HostileModels.kerasBomb(f, 100));
        formatFails("keras-zip-slip", 2, "slip.keras", "a path leading outside it", f -> Files.copy(
                HostileModels.FIXTURES.resolve("zip-slip.keras"), f));
        formatFails("keras-truncated", 3, "cut.keras", null, f -> HostileModels.truncated("sequential.keras", 0.5, f));
        formatFails("h5-nan", 9, "nan.h5", "holds NaN", f -> HostileModels.h5WithNaN("small-cnn.h5",
                "model_weights/probs/probs/bias:0", f));
        formatFails("h5-truncated", 3, "cut.h5", null, f -> HostileModels.truncated("sequential.h5", 0.5, f));
        formatFails("tfjs-graph-nan", 9, "model.json", "holds NaN", f -> {
            Path json = HostileModels.graphModel(f.resolveSibling("graph"));
            overwrite(json.resolveSibling("group1-shard1of1.bin"), 0, Float.NaN);
            return json;
        });
        formatFails("tfjs-graph-huge-shape", 11, "model.json", "the shape [1048576,1048576,1,2]", f -> {
            Path json = HostileModels.graphModel(f.resolveSibling("graph"));
            JsonObject root = readJson(json);
            JsonArray shape = new JsonArray();
            List.of(1L << 20, 1L << 20, 1L, 2L).forEach(shape::add);
            root.getAsJsonArray("weightsManifest").get(0).getAsJsonObject().getAsJsonArray("weights").get(0)
                    .getAsJsonObject().add("shape", shape);
            Files.writeString(json, root.toString());
            return json;
        });
        formatFails("tfjs-graph-shard-missing", 3, "model.json", "group1-shard1of1.bin", f -> {
            Path json = HostileModels.graphModel(f.resolveSibling("graph"));
            Files.delete(json.resolveSibling("group1-shard1of1.bin"));
            return json;
        });
        formatFails("pb-truncated", 3, "cut.pb", null, f -> Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(
                HostileModels.frozenGraph(f, g -> { })), 600)));
        formatFails("pb-pyfunc", 11, "pyfunc.pb", "(PyFunc)", f -> HostileModels.frozenGraph(f, g -> g.addNode(
                org.tensorflow.proto.NodeDef.newBuilder().setName("py").setOp("PyFunc").addInput("image"))));
        formatFails("pb-splat-bomb", 4, "splat.pb", "repeats its 1 stored values", f -> HostileModels.frozenGraph(f,
                g -> g.getNodeBuilderList().stream().filter(n -> n.getName().equals("Const")).findFirst().orElseThrow()
                        .putAttr("value", org.tensorflow.proto.AttrValue.newBuilder().setTensor(
                                org.tensorflow.proto.TensorProto.newBuilder().setDtype(org.tensorflow.proto.DataType.DT_FLOAT)
                                        .addFloatVal(0f).setTensorShape(org.tensorflow.proto.TensorShapeProto.newBuilder()
                                                .addDim(org.tensorflow.proto.TensorShapeProto.Dim.newBuilder()
                                                        .setSize(1L << 28)))).build())));
    }

    @FunctionalInterface
    private interface ModelMaker {
        /** Writes the model at {@code file} (or beside it) and returns what --model names. */
        Path make(Path file) throws IOException;
    }

    /**
     * A model file of another format, made hostile; analysed (with --out) and predicted on, each
     * must be refused naming {@code file} and, when given, saying {@code culprit}.
     */
    private void formatFails(String name, int row, String file, String culprit, ModelMaker maker) throws IOException {
        Path sandbox = sandbox(name);
        Path model = maker.make(sandbox.resolve(file));
        Path out = sandbox.resolve("out");
        HostileInputTest.After says = culprit == null ? HostileInputTest.After.NOTHING
                : o -> assertTrue(o.err().contains(culprit), name + " does not say '" + culprit + "':\n" + o.err());
        add(name, row, sandbox, out, args(model, image, out), 3, file, List.of(), says);
        add(name + " (predict)", row, sandbox, out, new String[] {"predict", "--model", model.toString(), "--image",
                image.toString()}, 3, file, List.of(), says);
    }

    /** The bundled LeNet with its decoders, decoders.json replaced by {@code text} or given a layer entry 5. */
    private void decoderIndex(String name, int row, String text) throws IOException {
        Path sandbox = sandbox(name);
        Path model = sandbox.resolve("lenet5-mnist");
        copyTree(Path.of("assets", "models", "lenet5-mnist"), model);
        Path index = model.resolve("decoders").resolve("decoders.json");
        if (text == null) {
            JsonObject json = readJson(index);
            json.getAsJsonObject("layers").addProperty("conv1", 5);
            Files.writeString(index, json.toString());
        } else {
            Files.writeString(index, text);
        }
        Path out = sandbox.resolve("out");
        add(name, row, sandbox, out, new String[] {"analyze", "--model", model.toString(), "--image",
                image.toString(), "--metric", "ru", "--layers", "conv1", "--steps", "5", "--no-cache", "--out",
                out.toString()}, 3, "decoders.json");
    }

    // ---- rows 6, 7, 12, 13: files that are not what they seem ----

    private void images() throws IOException {
        Path sandbox = sandbox("image-fifo");
        Path fifo = sandbox.resolve("photo.png");
        mkfifo(fifo);
        add("image-fifo", 7, sandbox, sandbox.resolve("out"), args(base, fifo, sandbox.resolve("out")), 3,
                "photo.png");
        sandbox = sandbox("image-dev-zero");
        add("image-dev-zero", 7, sandbox, sandbox.resolve("out"), args(base, Path.of("/dev/zero"),
                sandbox.resolve("out")), 3, "/dev/zero");
        sandbox = sandbox("batch-with-fifo");
        Path folder = sandbox.resolve("images");
        Files.createDirectories(folder);
        Files.copy(image, folder.resolve("a.png"));
        mkfifo(folder.resolve("b.png"));
        add("batch-with-fifo", 7, sandbox, sandbox.resolve("out"), new String[] {"batch", "--model", base.toString(),
                "--images", folder.toString(), "--out", sandbox.resolve("out").toString(), "--steps", "5",
                "--no-cache"}, 0, "", List.of(), o -> assertTrue(o.err().contains("b.png"), o.err()));
        sandbox = sandbox("image-bomb");
        Path bomb = sandbox.resolve("bomb.png");
        writePngHeaderOnly(bomb, 200_000, 200_000);
        add("image-bomb", 7, sandbox, sandbox.resolve("out"), args(base, bomb, sandbox.resolve("out")), 3,
                "bomb.png");
        sandbox = sandbox("image-truncated");
        Path truncated = sandbox.resolve("cut.png");
        byte[] whole = Files.readAllBytes(image);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        add("image-truncated", 7, sandbox, sandbox.resolve("out"), args(base, truncated, sandbox.resolve("out")),
                3, "cut.png");

        sandbox = sandbox("result-files");
        Path named = sandbox.resolve("model");
        copyTree(base, named);
        renameLayer(named, "conv1", "=cmd|' /C calc'!A0,x");
        renameLayer(named, "pool1", "a/b");
        renameLayer(named, "conv2", "a_b");
        Path out = sandbox.resolve("out");
        add("hostile-layer-names", 12, sandbox, out, args(named, image, out, "--layers", "all"), 0,
                "", List.of(), o -> {
                    List<String> csv = Files.readAllLines(out.resolve("entropy.csv"));
                    assertTrue(csv.get(1).startsWith("\"'=cmd|' /C calc'!A0,x\","), csv.get(1));
                    try (Stream<Path> files = Files.list(out)) {
                        assertEquals(3, files.filter(p -> p.toString().endsWith(".png")).count(),
                                "one heatmap per layer, none overwritten");
                    }
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(out.resolve("result.json"));
                    assertTrue(mode.contains(PosixFilePermission.OTHERS_READ) || umaskHidesOthers(),
                            "result.json ignores the umask: " + mode);
                });
    }

    private void escapes() throws IOException {
        modelFails("layer-name-escape", 12, "model.json", m -> renameLayer(m, "conv1", "\u001b[31mred"), true);
        modelFails("model-name-escape", 12, "sieve.json", m -> editSieveJson(m, j -> j.addProperty("name",
                "\u001b]0;title\u0007")), true);
    }

    private void unusualImages() throws IOException {
        BufferedImage digit = digit();
        valid("16-bit.png", convert(digit, BufferedImage.TYPE_USHORT_GRAY), "png");
        valid("palette.png", palette(digit), "png");
        valid("bilevel.png", convert(digit, BufferedImage.TYPE_BYTE_BINARY), "png");
        valid("one-pixel.png", new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        valid("twelve-mp.png", new BufferedImage(4000, 3000, BufferedImage.TYPE_BYTE_GRAY), "png");
        valid("bitmap.bmp", convert(digit, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        valid("really-a-png.jpg", digit, "png");
        valid("frames.gif", palette(digit), "gif");
        Path photos = sandbox("valid-exif-rotated");
        Path rotated = TestPhotos.exifJpeg(convert(digit, BufferedImage.TYPE_3BYTE_BGR), 6,
                photos.resolve("portrait.jpg"));
        add("exif-rotated.jpg", 13, photos, photos.resolve("out"), args(base, rotated, photos.resolve("out")), 0,
                "", List.of(), o -> assertTrue(Files.readString(photos.resolve("out").resolve("result.json"))
                        .contains("\"exifOrientation\": 6"), "orientation recorded"));
        Path sandbox = sandbox("valid-animated-gif");
        Path animated = TestPhotos.gif(List.of(palette(digit), palette(convert(digit, BufferedImage.TYPE_BYTE_BINARY))),
                new int[][] {{0, 0}, {5, 5}}, 40, 40, sandbox.resolve("animated.gif"));
        add("animated.gif", 0, sandbox, sandbox.resolve("out"), args(base, animated, sandbox.resolve("out")), 0, "");
        sandbox = sandbox("valid-cmyk");
        add("cmyk.jpg", 0, sandbox, sandbox.resolve("out"), args(base, cmykJpeg(sandbox.resolve("cmyk.jpg")),
                sandbox.resolve("out")), 0, "");
    }

    /** A four-channel (CMYK) JPEG as print workflows write them, from raw samples. */
    private static Path cmykJpeg(Path file) throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 40, 40, 4, null);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                raster.setPixel(x, y, new int[] {x * 6, y * 6, 0, x > 20 ? 255 : 0});
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new javax.imageio.IIOImage(raster, null, null));
        } finally {
            writer.dispose();
        }
        return file;
    }

    // ---- building blocks ----

    private void valid(String name, BufferedImage picture, String format) throws IOException {
        Path sandbox = sandbox("valid-" + name.replace('.', '-'));
        Path file = sandbox.resolve(name);
        assertTrue(ImageIO.write(picture, format, file.toFile()), format + " writer for " + name);
        add(name, 0, sandbox, sandbox.resolve("out"), args(base, file, sandbox.resolve("out")), 0, "");
    }

    private void analyzeFails(String name, int row, int status, String mention, String... extra) throws IOException {
        Path sandbox = sandbox(name);
        add(name, row, sandbox, sandbox.resolve("out"), args(base, image, sandbox.resolve("out"), extra), status,
                mention);
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path modelDir) throws IOException;
    }

    /** A copy of the base model, damaged; analyse it (no --out when {@code withOut} is false) and list its layers. */
    private void modelFails(String name, int row, String mention, Damage damage, boolean withOut) throws IOException {
        Path sandbox = sandbox(name);
        Path model = sandbox.resolve("model");
        copyTree(base, model);
        damage.apply(model);
        Path out = sandbox.resolve("out");
        add(name, row, sandbox, out, args(model, image, withOut ? out : null), 3, mention);
        add(name + " (layers)", row, sandbox, out, new String[] {"layers", "--model", model.toString()}, 3, mention);
    }

    private void add(String name, int row, Path sandbox, Path out, String[] args, int status, String mention) {
        add(name, row, sandbox, out, args, status, mention, List.of(), HostileInputTest.After.NOTHING);
    }

    private void add(String name, int row, Path sandbox, Path out, String[] args, int status, String mention,
            List<String> stdout, HostileInputTest.After after) {
        cases.add(new Case(name, row, sandbox, out, args, status, mention, stdout, after));
    }

    private static String[] args(Path model, Path image, Path out, String... extra) {
        List<String> a = HostileInputTest.list("analyze", "--model", model.toString(), "--image", image.toString(),
                "--steps", "5", "--no-cache");
        if (out != null) {
            a.addAll(List.of("--out", out.toString()));
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private Path sandbox(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static JsonObject readJson(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static void editModelJson(Path model, Consumer<JsonObject> edit) throws IOException {
        Path file = model.resolve("model.json");
        JsonObject json = readJson(file);
        edit.accept(json);
        Files.writeString(file, json.toString());
    }

    private static void editSieveJson(Path model, Consumer<JsonObject> edit) throws IOException {
        Path file = model.resolve("sieve.json");
        JsonObject json = readJson(file);
        edit.accept(json);
        Files.writeString(file, json.toString());
    }

    private static void editConfig(Path model, Consumer<JsonObject> edit) throws IOException {
        editModelJson(model, j -> edit.accept(j.getAsJsonObject("modelTopology").getAsJsonObject("config")));
    }

    private static void editManifest(Path model, Consumer<JsonObject> edit) throws IOException {
        editModelJson(model, j -> edit.accept(j.getAsJsonArray("weightsManifest").get(0).getAsJsonObject()));
    }

    private static void editWeight(Path model, int index, Consumer<JsonObject> edit) throws IOException {
        editManifest(model, g -> edit.accept(g.getAsJsonArray("weights").get(index).getAsJsonObject()));
    }

    private static void editLayer(Path model, String name, Consumer<JsonObject> edit) throws IOException {
        editConfig(model, c -> {
            for (JsonElement l : c.getAsJsonArray("layers")) {
                if (l.getAsJsonObject().get("name").getAsString().equals(name)) {
                    edit.accept(l.getAsJsonObject().getAsJsonObject("config"));
                }
            }
        });
    }

    private static void editInput(Path model, int size) throws IOException {
        editLayer(model, "input", l -> {
            JsonArray shape = new JsonArray();
            shape.add(com.google.gson.JsonNull.INSTANCE);
            shape.add(size);
            shape.add(size);
            shape.add(1);
            l.add("batch_input_shape", shape);
        });
        editSieveJson(model, j -> {
            j.addProperty("inputHeight", size);
            j.addProperty("inputWidth", size);
            j.remove("sigmaGrid");
        });
    }

    /** Renames a layer everywhere model.json names it: its entry, inbound nodes, outputs and weights. */
    private static void renameLayer(Path model, String from, String to) throws IOException {
        Path file = model.resolve("model.json");
        String quotedFrom = com.google.gson.JsonParser.parseString("\"" + from + "\"").toString();
        String quotedTo = new com.google.gson.JsonPrimitive(to).toString();
        String text = Files.readString(file).replace(quotedFrom, quotedTo);
        String weightFrom = new com.google.gson.JsonPrimitive(from + "/").toString();
        text = text.replace(weightFrom.substring(0, weightFrom.length() - 1), quotedTo.substring(0,
                quotedTo.length() - 1) + "/");
        Files.writeString(file, text);
    }

    private static JsonArray pair(int v) {
        JsonArray a = new JsonArray();
        a.add(v);
        a.add(v);
        return a;
    }

    /** Overwrites one float of the shard: at {@code index}, or from the end when negative. */
    private static void overwriteShard(Path model, int index, float value) throws IOException {
        overwrite(model.resolve("group1-shard1of1.bin"), index, value);
    }

    private static void overwrite(Path shard, int index, float value) throws IOException {
        byte[] bytes = Files.readAllBytes(shard);
        int at = index >= 0 ? 4 * index : bytes.length + 4 * index;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, value);
        Files.write(shard, bytes);
    }

    /** A PNG whose header claims a huge size; its data would be a decompression bomb. */
    private static void writePngHeaderOnly(Path file, int width, int height) throws IOException {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr.array()).putInt((int) crc.getValue());
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        Files.write(file, png.array());
    }

    /** A bright stroke on black, as MainTest's digit. */
    private static BufferedImage digit() {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(15, 5, 10, 30);
        g.dispose();
        return img;
    }

    private static BufferedImage convert(BufferedImage from, int type) {
        BufferedImage to = new BufferedImage(from.getWidth(), from.getHeight(), type);
        Graphics2D g = to.createGraphics();
        g.drawImage(from, 0, 0, null);
        g.dispose();
        return to;
    }

    private static BufferedImage palette(BufferedImage from) {
        byte[] levels = new byte[16];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) (i * 17);
        }
        BufferedImage to = new BufferedImage(from.getWidth(), from.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(4, 16, levels, levels, levels));
        Graphics2D g = to.createGraphics();
        g.setColor(Color.BLACK);
        g.drawImage(from, 0, 0, null);
        g.dispose();
        return to;
    }

    private static boolean umaskHidesOthers() throws IOException {
        Path probe = Files.createTempFile("umask", ".probe");
        try {
            Files.delete(probe);
            Files.createFile(probe);
            return !Files.getPosixFilePermissions(probe).contains(PosixFilePermission.OTHERS_READ);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            int status = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
            assertEquals(0, status, "mkfifo " + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
