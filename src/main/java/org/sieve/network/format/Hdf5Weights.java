package org.sieve.network.format;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.common.NodeNames;

/** Weight tensors and string attributes from a Keras HDF5 file, checked before they are used. */
final class Hdf5Weights implements AutoCloseable {

    /** Sieve keeps each weight in one float array. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /**
     * A file's weights unpack to at most this many times its size, plus {@link #SMALL_BYTES}: HDF5
     * can declare a chunked dataset of any shape with no chunk stored (read back as fill values),
     * and Keras writes its weights uncompressed. The .keras reader bounds its zip entries so too.
     */
    private static final long MAX_RATIO = 32;
    private static final long SMALL_BYTES = 16 << 20;

    private final HdfFile hdf;
    private final String model;
    private final long maxElements;

    /** @param fileBytes the size of the HDF5 file, which bounds what its datasets may declare */
    private Hdf5Weights(HdfFile hdf, String model, long fileBytes) {
        this.hdf = hdf;
        this.model = model;
        this.maxElements = Math.min(MAX_ELEMENTS, mostBytesFrom(fileBytes) / Float.BYTES);
    }

    /** Opens the HDF5 file {@code file}; damage found while opening it fails naming {@code model}. */
    static Hdf5Weights open(Path file, String model) {
        try {
            return new Hdf5Weights(mapped(file), model, file.toFile().length());
        } catch (IOException e) {
            throw new SieveException("Model " + model + ": cannot read it (" + e.getMessage()
                    + "). Check that the file is readable.", e);
        }
    }

    /**
     * {@code file} for jhdf as a read-only mapping. Read through a file channel, jhdf allocates
     * whatever size a header declares before reading (2 GB for a 6 KB file); in memory, a read
     * beyond the file's end fails instead. Nothing is copied until a dataset is read.
     */
    static HdfFile mapped(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new SieveException("Model " + file + " is " + channel.size() + " bytes; Sieve reads HDF5 files"
                        + " up to 2 GB. Save the model as .keras or export it to ONNX.");
            }
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return jhdf(() -> HdfFile.fromByteBuffer(bytes), "cannot be read as HDF5", file.toString());
        }
    }

    /** Opens HDF5 bytes (a .keras archive's weights entry), named {@code model} in messages. */
    static Hdf5Weights open(byte[] bytes, String model) {
        return new Hdf5Weights(jhdf(() -> HdfFile.fromBytes(bytes), "cannot be read as HDF5", model), model, bytes.length);
    }

    /**
     * Runs a jhdf call. jhdf reports a damaged file with its own and with plain runtime exceptions
     * (arithmetic, buffer, state); each becomes a refusal naming the file and what was being read.
     */
    private static <T> T jhdf(Supplier<T> call, String what, String model) {
        try {
            return call.get();
        } catch (SieveException e) {
            throw e;
        } catch (RuntimeException e) {
            String detail = e instanceof HdfException && e.getMessage() != null
                    ? " (" + NodeNames.escaped(e.getMessage()) + ")" : "";
            throw new SieveException("Model " + model + ": the Keras weights file " + what + detail
                    + ". The file is damaged or was not written by Keras; save the model again.", e);
        }
    }

    @Override
    public void close() {
        hdf.close();
    }

    /** What {@code storedBytes} of a Keras file may unpack to. */
    static long mostBytesFrom(long storedBytes) {
        return SMALL_BYTES + MAX_RATIO * storedBytes;
    }

    boolean exists(String path) {
        return jhdf(() -> {
            try {
                hdf.getByPath(path);
                return true;
            } catch (HdfException e) {
                return false;
            }
        }, "cannot be read at '" + path + "'", model);
    }

    /** The float32 or float64 dataset at {@code path}, refused when damaged, oversized or not finite. */
    WeightTensor tensor(String path) {
        return jhdf(() -> read(path), "cannot be read at '" + path + "'", model);
    }

    private WeightTensor read(String path) {
        Node node = node(path);
        if (!(node instanceof Dataset d)) {
            throw damaged("'" + path + "' is not a weight tensor");
        }
        int[] dims = d.getDimensions();
        long count = 1;
        for (int dim : dims) {
            if (dim < 0 || dim > 0 && count > maxElements / dim) {
                throw damaged("weight '" + path + "' declares shape " + Arrays.toString(dims)
                        + ", more values than the file can hold or Sieve reads");
            }
            count *= dim;
        }
        Object data = d.getDataFlat();
        float[] values;
        if (data instanceof float[] f) {
            values = f;
        } else if (data instanceof double[] v) {
            values = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = (float) v[i];
            }
        } else {
            throw new SieveException("Model " + model + ": weight '" + path + "' holds " + d.getJavaType().getSimpleName()
                    + " values; Sieve reads float32 and float64 weights. Save the model with float32 weights.");
        }
        if (values.length != count) {
            throw damaged("weight '" + path + "' holds " + values.length + " values for shape " + Arrays.toString(dims));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new SieveException("Model " + model + ": weight '" + path + "' holds " + values[i] + " at index "
                        + i + "; a usable network has finite weights. Retrain or re-export the model.");
            }
        }
        return new WeightTensor(Arrays.stream(dims).asLongStream().toArray(), values);
    }

    /**
     * A string attribute, or the strings of a list attribute; Keras splits long lists into
     * {@code name0}, {@code name1}, ... when they exceed HDF5's header limit.
     */
    List<String> strings(String path, String name) {
        return jhdf(() -> readStrings(path, name), "cannot be read at '" + path + "'", model);
    }

    private List<String> readStrings(String path, String name) {
        Node node = node(path);
        List<String> out = new ArrayList<>();
        if (node.getAttribute(name) != null) {
            addStrings(node.getAttribute(name), path, out);
            return out;
        }
        for (int chunk = 0; node.getAttribute(name + chunk) != null; chunk++) {
            addStrings(node.getAttribute(name + chunk), path, out);
        }
        return out;
    }

    private void addStrings(Attribute a, String path, List<String> out) {
        Object data = a.getData();
        if (data instanceof String s) {
            out.add(s);
        } else if (data instanceof String[] list) {
            out.addAll(Arrays.asList(list));
        } else {
            throw damaged("attribute '" + a.getName() + "' of '" + path + "' is not text");
        }
    }

    private Node node(String path) {
        if (path.equals("/")) {
            return hdf;
        }
        try {
            return hdf.getByPath(path);
        } catch (HdfException e) {
            throw damaged("has no '" + path + "'");
        }
    }

    SieveException damaged(String what) {
        return new SieveException("Model " + model + ": the Keras weights file " + what
                + ". The file is damaged or was not written by Keras; save the model again.");
    }
}
