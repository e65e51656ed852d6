package org.sieve.network.format;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import io.jhdf.HdfFile;
import io.jhdf.api.dataset.ContiguousDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tensorflow.proto.GraphDef;

/** Hostile model files made from the small valid ones in formats/, shared by the format tests and the hostile suite. */
public final class HostileModels {

    /** The small models under src/test/resources/formats. */
    public static final Path FIXTURES = Path.of("src", "test", "resources", "formats");

    private HostileModels() {
    }

    /**
     * A .keras archive whose model.weights.h5 deflates to {@code megabytes} MB of zeros (a zip
     * bomb: a few hundred KB on disk) beside the sequential fixture's other entries.
     */
    public static Path kerasBomb(Path file, int megabytes) throws IOException {
        return kerasEntry(file, KerasArchive.WEIGHTS, (weights, out) -> zeros(out, megabytes));
    }

    /** How an archive entry is rewritten: from the fixture's bytes to {@code out}. */
    @FunctionalInterface
    public interface EntryEdit {
        void write(byte[] original, OutputStream out) throws IOException;
    }

    /** The sequential.keras fixture with its entry {@code name} rewritten by {@code edit}. */
    public static Path kerasEntry(Path file, String name, EntryEdit edit) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(FIXTURES.resolve("sequential.keras")));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    edit.write(in.readAllBytes(), out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static void zeros(OutputStream out, int megabytes) throws IOException {
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            out.write(block);
        }
    }

    /** tiny.onnx (a conv and a ReLU on a 3x8x8 image) edited by {@code edit}. */
    public static Path onnx(Path file, java.util.function.Consumer<ModelProto.Builder> edit) throws IOException {
        ModelProto.Builder m = ModelProto.parseFrom(Files.readAllBytes(FIXTURES.resolve("tiny.onnx"))).toBuilder();
        edit.accept(m);
        return Files.write(file, m.build().toByteArray());
    }

    /** Sets float {@code index} of the ONNX initializer {@code name}'s raw data to {@code value}. */
    public static void onnxWeight(ModelProto.Builder m, String name, int index, float value) {
        for (TensorProto.Builder t : m.getGraphBuilder().getInitializerBuilderList()) {
            if (t.getName().equals(name)) {
                byte[] raw = t.getRawData().toByteArray();
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * index, value);
                t.setRawData(ByteString.copyFrom(raw));
            }
        }
    }

    /** A copy of the Keras .h5 {@code fixture} with the first value of {@code dataset} set to NaN. */
    public static Path h5WithNaN(String fixture, String dataset, Path file) throws IOException {
        Files.copy(FIXTURES.resolve(fixture), file);
        long at;
        try (HdfFile hdf = new HdfFile(file)) {
            at = ((ContiguousDataset) hdf.getDatasetByPath(dataset)).getDataAddress();
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            f.write(new byte[] {0, 0, (byte) 0xc0, 0x7f}); // little-endian float NaN
        }
        return file;
    }

    /** The tiny TF.js graph model (formats/tiny-graph: model.json and one shard) copied into {@code folder}. */
    public static Path graphModel(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : new String[] {"model.json", "group1-shard1of1.bin"}) {
            Files.copy(FIXTURES.resolve("tiny-graph").resolve(name), folder.resolve(name));
        }
        return folder.resolve("model.json");
    }

    /** formats/tiny-graph/tiny.pb (a frozen conv net on an 8x8x1 image) edited by {@code edit}. */
    public static Path frozenGraph(Path file, java.util.function.Consumer<GraphDef.Builder> edit) throws IOException {
        GraphDef.Builder g = GraphDef.parseFrom(Files.readAllBytes(FIXTURES.resolve("tiny-graph").resolve("tiny.pb")))
                .toBuilder();
        edit.accept(g);
        return Files.write(file, g.build().toByteArray());
    }

    /** The first {@code fraction} of {@code fixture}'s bytes. */
    public static Path truncated(String fixture, double fraction, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            byte[] all = in.readAllBytes();
            return Files.write(file, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        }
    }
}
