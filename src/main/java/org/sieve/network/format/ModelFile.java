package org.sieve.network.format;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.format.common.TfjsFiles;

/**
 * What a format recogniser may look at in a file or folder: its first bytes, zip entry names,
 * JSON keys, HDF5 root names and the top-level fields of a protobuf message. Each view is
 * computed once, only when asked, and is empty (not an error) when the file is not of that kind;
 * the file's name is never consulted.
 */
public final class ModelFile {

    /** Enough for every magic number Sieve checks (TFLite's identifier ends at byte 8). */
    private static final int HEAD_BYTES = 64;
    /** JSON larger than this is not read to recognise it (graph-model JSON is a few MB at most). */
    private static final long MAX_JSON_BYTES = 256L << 20;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final Path path;
    private final boolean directory;
    private final byte[] head;
    private List<String> zipEntries;
    private JsonObject json;
    private boolean jsonRead;
    private Set<String> hdf5Root;
    private Map<Integer, Integer> protobufFields;
    private boolean protobufRead;

    private ModelFile(Path path, boolean directory, byte[] head) {
        this.path = path;
        this.directory = directory;
        this.head = head;
    }

    /** Opens {@code path} for recognition; a missing or unreadable path fails naming it. */
    public static ModelFile of(Path path) {
        if (Files.isDirectory(path)) {
            return new ModelFile(path, true, new byte[0]);
        }
        if (!Files.isRegularFile(path)) {
            throw new SieveException("Model " + path + (Files.exists(path) ? ": not a regular file (a pipe or a"
                    + " device). Give a model file or folder." : ": no such file or folder. Check the path."));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new ModelFile(path, false, in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            throw new SieveException("Model " + path + ": cannot read it (" + e.getMessage()
                    + "). Check that the file is readable.", e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean isDirectory() {
        return directory;
    }

    /** Whether this folder holds a regular file or folder {@code name}. */
    public boolean has(String name, boolean folder) {
        Path child = path.resolve(name);
        return directory && (folder ? Files.isDirectory(child) : Files.isRegularFile(child));
    }

    /** Whether the file's bytes at {@code offset} are {@code magic}. */
    public boolean bytesAt(int offset, byte[] magic) {
        if (head.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first byte as 0..255, or -1 for an empty file or a folder. */
    public int byteAt(int offset) {
        return offset < head.length ? head[offset] & 0xff : -1;
    }

    public boolean isHdf5() {
        return bytesAt(0, HDF5_SIGNATURE);
    }

    /** The zip's entry names, or empty when the file is not a readable zip. */
    public List<String> zipEntries() {
        if (zipEntries == null) {
            zipEntries = List.of();
            if (bytesAt(0, ZIP_SIGNATURE)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    List<String> names = new ArrayList<>();
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        names.add(e.nextElement().getName());
                    }
                    zipEntries = List.copyOf(names);
                } catch (ZipException e) {
                    zipEntries = List.of();
                } catch (IOException e) {
                    throw unreadable(e);
                }
            }
        }
        return zipEntries;
    }

    /**
     * The JSON object of this file, or of model.json in this folder; null when it is not a JSON
     * object (recognisers then say no rather than fail).
     */
    public JsonObject json() {
        if (!jsonRead) {
            jsonRead = true;
            Path file = directory ? path.resolve(TfjsFiles.MODEL_JSON) : path;
            if (Files.isRegularFile(file) && startsLikeJson(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    JsonElement root = Files.size(file) <= MAX_JSON_BYTES ? JsonParser.parseReader(r) : null;
                    json = root != null && root.isJsonObject() ? root.getAsJsonObject() : null;
                } catch (JsonParseException e) {
                    json = null;
                } catch (IOException e) {
                    throw unreadable(e);
                }
            }
        }
        return json;
    }

    private boolean startsLikeJson(Path file) {
        byte[] first = file.equals(path) ? head : readHead(file);
        for (byte b : first) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
                return false;
            }
        }
        return false;
    }

    private byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The names of the HDF5 root group's attributes (prefixed "@") and children; empty when the
     * file is not HDF5 or cannot be parsed as such.
     */
    public Set<String> hdf5Root() {
        if (hdf5Root == null) {
            hdf5Root = Set.of();
            if (isHdf5()) {
                try (HdfFile hdf = Hdf5Weights.mapped(path)) {
                    Set<String> names = new HashSet<>();
                    hdf.getAttributes().keySet().forEach(a -> names.add("@" + a));
                    for (Node child : hdf.getChildren().values()) {
                        names.add(child.getName());
                    }
                    hdf5Root = Set.copyOf(names);
                } catch (RuntimeException e) {
                    // jhdf throws its own unchecked exceptions for damaged or unusual files: not recognised.
                    hdf5Root = Set.of();
                } catch (IOException e) {
                    throw unreadable(e);
                }
            }
        }
        return hdf5Root;
    }

    /**
     * The field numbers of the file read as one protobuf message, each with its wire type, when
     * every top-level field is well formed and the last one ends exactly at the end of the file;
     * otherwise null. Length-delimited fields are skipped, not read, so this is cheap for large
     * files.
     */
    public Map<Integer, Integer> protobufFields() {
        if (!protobufRead) {
            protobufRead = true;
            if (!directory && head.length > 0) {
                protobufFields = ProtobufOutline.fields(path);
            }
        }
        return protobufFields;
    }

    private SieveException unreadable(IOException e) {
        return new SieveException("Model " + path + ": cannot read it (" + e.getMessage()
                + "). Check that the file is readable.", e);
    }

    /** Walks a protobuf message's top-level tags without decoding any field's contents. */
    private static final class ProtobufOutline {

        private static final int MAX_FIELDS = 1_000_000;

        private final SeekableByteChannel channel;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(10);
        private long position;

        private ProtobufOutline(SeekableByteChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        static Map<Integer, Integer> fields(Path file) {
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                return new ProtobufOutline(channel, channel.size()).walk();
            } catch (IOException e) {
                return null;
            }
        }

        private Map<Integer, Integer> walk() throws IOException {
            Map<Integer, Integer> fields = new HashMap<>();
            for (int n = 0; position < size; n++) {
                long tag = varint();
                int wireType = (int) (tag & 7);
                long field = tag >>> 3;
                if (tag < 0 || field < 1 || field > 536_870_911 || n > MAX_FIELDS) {
                    return null;
                }
                long skip = switch (wireType) {
                    case 0 -> {
                        varint();
                        yield 0;
                    }
                    case 1 -> 8;
                    case 2 -> varint();
                    case 5 -> 4;
                    default -> -1;
                };
                Integer before = fields.put((int) field, wireType);
                if (skip < 0 || position < 0 || skip > size - position || before != null && before != wireType) {
                    return null;
                }
                position += skip;
            }
            return position == size ? fields : null;
        }

        /** Reads one varint at the position; -1 when it is malformed or runs past the end. */
        private long varint() throws IOException {
            buffer.clear();
            channel.position(position);
            int read = channel.read(buffer);
            long value = 0;
            for (int i = 0; i < Math.max(read, 0); i++) {
                byte b = buffer.get(i);
                value |= (long) (b & 0x7f) << (7 * i);
                if (b >= 0) {
                    position += i + 1;
                    return value;
                }
            }
            position = -1;
            return -1;
        }
    }
}
