package org.sieve.spark;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.sieve.SieveException;

/**
 * summary.parquet: one row per image and layer (image, layer, metric, entropyPerDim (h̄, or r̄ for
 * metric 2), distortionRatio D/D0, steps, converged, seconds, failure) from every finished
 * result.json in the output folder, in image and layer order, for the user's own analysis in
 * Spark or pandas. Written by the driver with Parquet's own writer into a folder as Spark writes
 * one (summary.parquet/part-00000.snappy.parquet): a Spark SQL job for a table this small cost
 * more than a minute of a short batch on a loaded machine. Only these fields are read from each
 * result.json; the sigma and entropy grids are skipped unparsed.
 */
final class SummaryTable {

    static final String FOLDER = "summary.parquet";
    private static final String PART = "part-00000.snappy.parquet";

    private static final MessageType SCHEMA = Types.buildMessage()
            .optional(BINARY).as(stringType()).named("image")
            .optional(BINARY).as(stringType()).named("layer")
            .optional(BINARY).as(stringType()).named("metric")
            .optional(DOUBLE).named("entropyPerDim")
            .optional(DOUBLE).named("distortionRatio")
            .optional(INT32).named("steps")
            .optional(BOOLEAN).named("converged")
            .optional(DOUBLE).named("seconds")
            .optional(BINARY).as(stringType()).named("failure")
            .named("spark_schema");

    /** One layer of one image's result.json; null fields are absent from the file. */
    private record Row(String image, String layer, String metric, Double entropyPerDim, Double distortionRatio,
            Integer steps, Boolean converged, Double seconds, String failure) {
    }

    private SummaryTable() {
    }

    static void write(Configuration hadoop, Path out) {
        List<Row> rows = new ArrayList<>();
        for (Path file : results(out)) {
            rows.addAll(read(file));
        }
        // A stable sort: each image's layers keep their order in its result.json.
        rows.sort(Comparator.comparing(Row::image, Comparator.nullsFirst(Comparator.naturalOrder())));
        Path part = out.resolve(FOLDER).resolve(PART).toAbsolutePath();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
                        new org.apache.hadoop.fs.Path(part.toUri()), hadoop))
                .withType(SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Row r : rows) {
                writer.write(group(groups, r));
            }
        } catch (IOException e) {
            throw new SieveException("Could not write " + part + " (" + e.getMessage() + "); every image's result"
                    + " is written. Free some space or choose another --out.", SieveException.COMPUTE_FAILED, e);
        }
    }

    /** The finished result.json files under {@code out}, without hidden (staging) folders, as Spark's readers. */
    private static List<Path> results(Path out) {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().equals("result.json") && Files.isRegularFile(f))
                    .filter(f -> visible(out.relativize(f))).sorted().toList();
        } catch (IOException e) {
            throw new SieveException("Could not list " + out + " for " + FOLDER + " (" + e.getMessage() + ").",
                    SieveException.COMPUTE_FAILED, e);
        }
    }

    private static boolean visible(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    /** The rows of one result.json; a file that is not one gives none, as it gave Spark's JSON reader. */
    private static List<Row> read(Path file) {
        String image = null;
        String metric = null;
        List<Row> layers = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); JsonReader json = new JsonReader(in)) {
            json.setStrictness(Strictness.LENIENT);   // NaN, as result.json may hold
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "image" -> image = imagePath(json);
                    case "metric" -> metric = text(json);
                    case "layers" -> {
                        json.beginArray();
                        while (json.hasNext()) {
                            layers.add(layer(json));
                        }
                        json.endArray();
                    }
                    default -> json.skipValue();
                }
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (Row l : layers) {
            rows.add(new Row(image, l.layer(), metric, l.entropyPerDim(), l.distortionRatio(), l.steps(),
                    l.converged(), l.seconds(), l.failure()));
        }
        return rows;
    }

    private static String imagePath(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return null;
        }
        String path = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("path")) {
                path = text(json);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return path;
    }

    /** A layer's fields of the table; the image and metric are filled in by the caller. */
    private static Row layer(JsonReader json) throws IOException {
        String name = null;
        String failure = null;
        Double entropy = null;
        Double ratio = null;
        Double seconds = null;
        Integer steps = null;
        Boolean converged = null;
        json.beginObject();
        while (json.hasNext()) {
            String field = json.nextName();
            if (json.peek() == JsonToken.NULL) {
                json.nextNull();
                continue;
            }
            switch (field) {
                case "name" -> name = json.nextString();
                case "failure" -> failure = json.nextString();
                case "entropyPerDim" -> entropy = json.nextDouble();
                case "distortionRatio" -> ratio = json.nextDouble();
                case "seconds" -> seconds = json.nextDouble();
                case "steps" -> steps = json.nextInt();
                case "converged" -> converged = json.nextBoolean();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new Row(null, name, null, entropy, ratio, steps, converged, seconds, failure);
    }

    private static String text(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        return json.nextString();
    }

    /** The row as a Parquet record; a null field is left out (every column is optional). */
    private static Group group(SimpleGroupFactory groups, Row r) {
        Group g = groups.newGroup();
        Object[] columns = {r.image(), r.layer(), r.metric(), r.entropyPerDim(), r.distortionRatio(), r.steps(),
            r.converged(), r.seconds(), r.failure()};
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] instanceof String text) {
                g.add(i, text);
            } else if (columns[i] instanceof Double number) {
                g.add(i, number);
            } else if (columns[i] instanceof Integer count) {
                g.add(i, count);
            } else if (columns[i] instanceof Boolean flag) {
                g.add(i, flag);
            }
        }
        return g;
    }
}
