package org.sieve.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.findings.FindingsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sieve findings-report}: the step of scripts/findings.sh that reads its batches; hidden from the help. */
@Command(name = "findings-report", hidden = true,
        header = "Write the paper's findings from finished batches: verdicts, tables and charts.",
        description = "Reads every finished batch (a folder with summary.json, named MODEL-METRIC) under BATCHES"
                + " and writes findings.md and one chart per batch into OUTDIR. Run by scripts/findings.sh.")
final class FindingsReportCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "BATCHES", description = "The folder holding one folder per batch.")
    Path batches;

    @Parameters(index = "1", paramLabel = "OUTDIR", description = "Where findings.md and the charts go.")
    Path outDir;

    @Option(names = "--better-trained", paramLabel = "BETTER:WORSE",
            description = "Compare the background entropy of two models' batches (repeatable).")
    List<String> betterTrained = new ArrayList<>();

    @Override
    public Integer call() {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : betterTrained) {
            String[] models = pair.split(":");
            if (models.length != 2 || models[0].isBlank() || models[1].isBlank()) {
                throw new UsageException("--better-trained takes two model ids as BETTER:WORSE, not '" + pair + "'.");
            }
            pairs.add(models);
        }
        try {
            int read = FindingsReport.write(batches, outDir, pairs);
            out().println("Wrote " + outDir.resolve("findings.md") + " and " + read + " charts.");
        } catch (IOException e) {
            throw new SieveException("Could not read the batches in " + batches + " or write into " + outDir + " ("
                    + e.getMessage() + "). Check that both folders exist and can be written.", e);
        }
        return 0;
    }
}
