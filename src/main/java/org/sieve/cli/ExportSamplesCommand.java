package org.sieve.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.data.Datasets;
import org.sieve.data.ExportSamples;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sieve export-samples}: test images of a dataset as files, for samples and benchmarks; hidden from the help. */
@Command(name = "export-samples", hidden = true,
        header = "Write test-set images of MNIST or Fashion-MNIST as PNGs or IDX files.",
        description = {"Writes COUNT test images of DATASET into OUTDIR as PNGs named INDEX-LABEL.png: the first"
                + " image of each class, then the earliest others. The test set is read from the data folder"
                + " (scripts/fetch-datasets.sh) or, with --images and --labels, from a pair of IDX files such as the"
                + " committed subsets in src/test/resources/testsets.",
                "With --idx, writes the first COUNT images and labels as DATASET-test-COUNT-{images,labels}.idx.gz."})
final class ExportSamplesCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "DATASET", description = "mnist or fashion.")
    String dataset;

    @Parameters(index = "1", paramLabel = "COUNT", converter = Count.class, description = "How many images.")
    int count;

    @Parameters(index = "2", paramLabel = "OUTDIR", description = "The folder to write into.")
    Path outDir;

    @Option(names = "--idx", description = "Write a pair of gzipped IDX files instead of PNGs.")
    boolean idx;

    @ArgGroup(exclusive = false)
    IdxFiles from;

    /** A test set given as files instead of the data folder's. */
    static final class IdxFiles {
        @Option(names = "--images", required = true, paramLabel = "FILE",
                description = "The test images as an IDX file (.idx or .idx.gz).")
        Path images;

        @Option(names = "--labels", required = true, paramLabel = "FILE",
                description = "The test labels as an IDX file (.idx or .idx.gz).")
        Path labels;
    }

    @Override
    public Integer call() {
        Dataset test = from == null ? Datasets.load(dataset, "test")
                : Datasets.fromFiles(dataset, from.images, from.labels);
        if (count > test.size()) {
            throw new SieveException("COUNT " + count + " is more than the " + test.size() + " images of " + dataset
                    + "'s test set; give at most " + test.size() + ".");
        }
        try {
            ExportSamples.write(test, count, outDir, idx);
        } catch (IOException e) {
            throw new SieveException("Could not write into " + outDir + " (" + e.getMessage()
                    + "). Choose a folder you can write to.", e);
        }
        out().println("Wrote " + count + (idx ? " images and labels as IDX files" : " PNGs") + " into " + outDir);
        return 0;
    }
}
