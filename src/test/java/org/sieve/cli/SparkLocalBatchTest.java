package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;

/** {@code sieve batch --engine spark} embedded (local mode) against the plain {@code sieve batch}. */
@Tag("slow")
class SparkLocalBatchTest {

    private static final int IMAGES = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void sparkInLocalModeWritesWhatThePlainBatchWrites() throws Exception {
        Path images = SparkBatches.images(dir, IMAGES);
        Path plain = dir.resolve("plain");
        Path spark = dir.resolve("spark");
        var p = SparkBatches.run(SparkBatches.batch(images, plain));
        assertEquals(Main.PARTIAL, p.getKey(), p.getValue());
        // The Spark batch is given file: URIs, as Hadoop writes them.
        var s = SparkBatches.run(SparkBatches.batch(images.toUri().toString(), spark.toUri().toString(), "--engine",
                "spark", "--master", "local[2]"));
        assertEquals(Main.PARTIAL, s.getKey(), "the broken file is skipped, as by the plain batch: " + s.getValue());
        assertTrue(s.getValue().contains("Skipping odd/broken.png"), s.getValue());

        SparkBatches.assertSameResults(plain, spark);
        assertEquals(IMAGES, SparkBatches.results(spark).size());
        JsonObject summary = ResultJson.parse(Files.readString(spark.resolve("summary.json")));
        assertEquals(1, summary.getAsJsonObject("images").getAsJsonArray("skipped").size());

        // summary.parquet: a row per image and layer, with the columns the docs name.
        Path parquet;
        try (Stream<Path> files = Files.list(spark.resolve("summary.parquet"))) {
            parquet = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration()))) {
            assertEquals(IMAGES * 8L, reader.getRecordCount());
            assertEquals(List.of("image", "layer", "metric", "entropyPerDim", "distortionRatio", "steps", "converged",
                    "seconds", "failure"), reader.getFooter().getFileMetaData().getSchema().getFields().stream()
                    .map(Type::getName).toList());
        }

        // Run again: every image is finished, nothing is recomputed; other settings are refused.
        var again = SparkBatches.run(SparkBatches.batch(images, spark, "--engine", "spark", "--master", "local[2]"));
        assertTrue(again.getValue().contains("Resuming: " + IMAGES + " of " + (IMAGES + 1)), again.getValue());
        assertTrue(again.getValue().contains("Analysed " + IMAGES + " of " + (IMAGES + 1) + " images (" + IMAGES
                + " finished earlier)"), again.getValue());
        Map.Entry<Integer, String> other = SparkBatches.run(List.of("batch", "--images", images.toString(), "--out",
                spark.toString(), "--model", "assets/models/lenet5-mnist", "--steps", "11", "--no-cache", "--engine",
                "spark", "--master", "local[2]"));
        assertEquals(3, other.getKey(), other.getValue());
        assertTrue(other.getValue().contains("other arguments"), other.getValue());
    }
}
