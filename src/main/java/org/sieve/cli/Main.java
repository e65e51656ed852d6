package org.sieve.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.analysis.Version;

/**
 * The {@code sieve} command line. Exit status: 0 success, 1 some layers failed (the others
 * were written), 2 wrong usage, 3 bad input (file, model, value), 4 computation failed.
 */
public final class Main {

    static final int PARTIAL = 1;

    static final String HELP = """
            Sieve shows how a trained CNN discards the information of each input pixel, layer by layer
            (Ma et al., ICML 2022).

            Usage: sieve                        open the explorer (the desktop app)
                   sieve <command> [options]
              models     list the bundled models
              layers     list a model's layers with output shapes
              analyze    measure pixel-wise information discarding (or, with --metric ru, reconstruction
                         uncertainty) of an image, per layer
              batch      analyse every image in a folder, with a summary per layer (resumable)
              cache      show or clear the result cache
              train      train a classic CNN on MNIST or Fashion-MNIST into a model folder
              train-decoders  train a model's per-layer decoders (for --metric ru)
              bench      time the optimisation step (fused layers against one at a time)
              snapshot   write the explorer's comparison sheet (heatmaps, colour bar, curves) as a PNG
              help CMD   explain a command's options
              --version  print the version
              --self-test  check that this installation works (TensorFlow, a bundled model, heatmaps)

            Example: sieve analyze --model lenet5-mnist --image sample-images/mnist/0-7.png --mask auto""";

    private Main() {
    }

    /**
     * With no arguments, or only paths of files to open (a desktop's "Open with Sieve"), opens the
     * explorer; otherwise runs a command and exits with its status.
     */
    public static void main(String[] args) {
        if (args.length == 0 || org.sieve.ui.FileArguments.only(args)) {
            org.sieve.ui.Explorer.main(args);
            return;
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.println(HELP);
            return 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "models" -> ModelsCommand.run(rest, out);
                case "layers" -> LayersCommand.run(rest, out);
                case "analyze", "analyse" -> AnalyzeCommand.run(rest, out, err);
                case "batch" -> BatchCommand.run(rest, err);
                case "cache" -> CacheCommand.run(rest, out);
                case "train" -> TrainCommand.run(rest, err);
                case "train-decoders" -> TrainDecodersCommand.run(rest, err);
                case "bench" -> BenchCommand.run(rest, out);
                case "snapshot" -> SnapshotCommand.run(rest, out, err);
                case "help" -> help(rest, out);
                case "--version" -> version(out);
                case "--self-test" -> selfTest(out);
                default -> throw new UsageException("Unknown command '" + command
                        + "'. Commands: models, layers, analyze, batch, cache, train, train-decoders, snapshot, help.");
            };
        } catch (SieveException e) {
            err.println("sieve: " + e.getMessage());
            if (e instanceof UsageException) {
                err.println("See 'sieve help" + (rest.isEmpty() || command.startsWith("-") ? "" : " " + command)
                        + "'.");
            }
            return e.exitCode();
        } catch (OutOfMemoryError e) {
            err.println("sieve: out of memory. Analyse fewer layers at once, use fewer --draws, or give Java more"
                    + " memory (JAVA_OPTS=-Xmx8g).");
            return SieveException.COMPUTE_FAILED;
        }
    }

    private static int help(List<String> rest, PrintStream out) {
        String text = rest.isEmpty() ? HELP : switch (rest.get(0)) {
            case "models" -> ModelsCommand.HELP;
            case "layers" -> LayersCommand.HELP;
            case "analyze", "analyse" -> AnalyzeCommand.HELP;
            case "batch" -> BatchCommand.HELP;
            case "cache" -> CacheCommand.HELP;
            case "train" -> TrainCommand.HELP;
            case "train-decoders" -> TrainDecodersCommand.HELP;
            case "bench" -> BenchCommand.HELP;
            case "snapshot" -> SnapshotCommand.HELP;
            default -> throw new UsageException("No help for '" + rest.get(0)
                    + "'. Commands: models, layers, analyze, batch, cache, train, train-decoders, snapshot.");
        };
        out.println(text);
        return 0;
    }

    private static int selfTest(PrintStream out) {
        org.sieve.selftest.Verdict verdict = org.sieve.selftest.SelfTest.installed().run();
        out.println(verdict.line());
        return verdict.passed() ? 0 : SieveException.COMPUTE_FAILED;
    }

    private static int version(PrintStream out) {
        out.println("sieve " + Version.SIEVE);
        return 0;
    }
}
