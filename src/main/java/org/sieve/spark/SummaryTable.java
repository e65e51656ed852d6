package org.sieve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * summary.parquet: one row per image and layer (image, layer, metric, entropyPerDim (h̄, or r̄ for
 * metric 2), distortionRatio D/D0, steps, converged, seconds, failure) from every result.json in
 * the output folder, for the user's own analysis in Spark or pandas. Read by Spark itself, with
 * only these fields in its schema, so the sigma and entropy grids are never parsed.
 */
final class SummaryTable {

    static final String FOLDER = "summary.parquet";

    private static final StructType LAYER = new StructType()
            .add("name", DataTypes.StringType)
            .add("entropyPerDim", DataTypes.DoubleType)
            .add("distortionRatio", DataTypes.DoubleType)
            .add("steps", DataTypes.IntegerType)
            .add("converged", DataTypes.BooleanType)
            .add("seconds", DataTypes.DoubleType)
            .add("failure", DataTypes.StringType);
    private static final StructType RESULT = new StructType()
            .add("image", new StructType().add("path", DataTypes.StringType))
            .add("metric", DataTypes.StringType)
            .add("layers", DataTypes.createArrayType(LAYER));

    private SummaryTable() {
    }

    static void write(SparkSession spark, Path out) {
        Dataset<Row> results = spark.read().schema(RESULT).option("multiLine", true)
                .option("recursiveFileLookup", true).option("pathGlobFilter", "result.json")
                .json(out.toAbsolutePath().toString());
        Dataset<Row> rows = results.select(col("image.path").as("image"), col("metric"),
                        posexplode(col("layers")).as(new String[] {"position", "l"}))
                .orderBy("image", "position")
                .select(col("image"), col("l.name").as("layer"), col("metric"), col("l.entropyPerDim"),
                        col("l.distortionRatio"), col("l.steps"), col("l.converged"), col("l.seconds"),
                        col("l.failure"));
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.resolve(FOLDER).toAbsolutePath().toString());
    }
}
