package org.sieve.tf;

import ai.djl.engine.Engine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.sieve.SieveException;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;

/**
 * The one place that touches TensorFlow's natives. DJL is the front door (engine, version,
 * GPU count); the natives come from the TensorFlow Java jar on the class path, extracted by
 * JavaCPP, so nothing is downloaded at run time.
 */
public final class TensorFlowRuntime {

    /** TensorFlow's switch to its best-fit-with-coalescing allocator for host memory. */
    public static final String CPU_ALLOCATOR_USE_BFC = "TF_CPU_ALLOCATOR_USE_BFC";

    private static volatile TensorFlowRuntime instance;

    private final Engine engine;

    private TensorFlowRuntime(Engine engine) {
        this.engine = engine;
    }

    /** Loads the natives once per process (about 4 s on first start, less afterwards). */
    public static TensorFlowRuntime get() {
        TensorFlowRuntime r = instance;
        if (r == null) {
            synchronized (TensorFlowRuntime.class) {
                r = instance;
                if (r == null) {
                    r = new TensorFlowRuntime(startEngine());
                    instance = r;
                }
            }
        }
        return r;
    }

    private static Engine startEngine() {
        // TensorFlow's C++ start-up chatter is noise to users; warnings and errors still show.
        NativeEnvironment.setDefault("TF_CPP_MIN_LOG_LEVEL", "2");
        // TensorFlow's default CPU allocator hands every large buffer back to the system when an op
        // frees it, and the next step faults the same pages in again, zeroed (docs/performance-engine.md:
        // minor faults and system time per step). The best-fit allocator keeps them for reuse. Read
        // once, when TensorFlow makes its CPU allocator, so it is set here, before the natives load.
        NativeEnvironment.setDefault(CPU_ALLOCATOR_USE_BFC, "true");
        try {
            // Extracts libtensorflow and libjnitensorflow from the jar into JavaCPP's cache folder,
            // or, where the jar is absent (an installed app), loads them from java.library.path.
            String jni = Loader.load(org.tensorflow.internal.c_api.global.tensorflow.class);
            // DJL looks here instead of downloading its own native bundle.
            System.setProperty("TENSORFLOW_LIBRARY_PATH", nativeFolder(jni).toString());
            System.setProperty("ai.djl.offline", "true");
            return Engine.getEngine("TensorFlow");
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new SieveException("Cannot start TensorFlow: " + e.getMessage()
                    + ". Rebuild with 'mvn package' so the native TensorFlow jar is on the class path.",
                    SieveException.COMPUTE_FAILED, e);
        }
    }

    /** The folder holding the JNI library that was loaded: beside {@code loaded}, on java.library.path or in the cache. */
    private static Path nativeFolder(String loaded) throws IOException {
        String jni = System.mapLibraryName("jnitensorflow");
        List<Path> folders = new ArrayList<>();
        if (loaded != null) {
            folders.add(Path.of(loaded).getParent());
        }
        for (String dir : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                folders.add(Path.of(dir));
            }
        }
        folders.add(Loader.getCacheDir().toPath());
        return folders.stream().filter(d -> Files.isRegularFile(d.resolve(jni))).findFirst()
                .orElse(folders.get(folders.size() - 1));
    }

    /**
     * A new, empty graph. Every graph is made here: the first one loads TensorFlow's natives, and
     * they must load after the runtime has set their environment (the log level).
     */
    public Graph newGraph() {
        return new Graph();
    }

    /** Which CPU allocator TensorFlow uses: the user's choice in the environment, else Sieve's default. */
    public String cpuAllocator() {
        String set = System.getenv(CPU_ALLOCATOR_USE_BFC);
        return set == null ? "best-fit (Sieve's default)" : CPU_ALLOCATOR_USE_BFC + "=" + set + " (from the environment)";
    }

    public String version() {
        return engine.getVersion();
    }

    public int gpuCount() {
        return engine.getGpuCount();
    }

    /**
     * What TensorFlow does to a graph before its first run with a new set of feeds and fetches:
     * its optimisers (Grappler's passes, constant folding, common subexpressions), or nothing.
     */
    public enum Rewriting {
        OPTIMISED,
        AS_BUILT
    }

    /** Opens a session on the requested device with TensorFlow's optimisers; "gpu" fails clearly when none is usable. */
    public Session openSession(Graph graph, ComputeDevice device) {
        return openSession(graph, device, Rewriting.OPTIMISED);
    }

    /** Opens a session on the requested device; "gpu" fails clearly when none is usable. */
    public Session openSession(Graph graph, ComputeDevice device, Rewriting rewriting) {
        // One inter-op thread: with several, the same op may run on threads with different
        // denormal handling, and results differed in the last bit between identical runs.
        // Intra-op parallelism (the threads inside one convolution) is unaffected.
        ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(true)
                .setInterOpParallelismThreads(1);
        if (device == ComputeDevice.GPU) {
            if (gpuCount() == 0) {
                throw new SieveException("No usable NVIDIA GPU: this build uses TensorFlow's CPU natives"
                        + " or no CUDA device is visible. Build with 'mvn -Pgpu package' on a machine with"
                        + " CUDA, or use --device cpu.");
            }
            config.getGpuOptionsBuilder().setAllowGrowth(true);
        } else {
            config.putDeviceCount("GPU", 0);
        }
        if (rewriting == Rewriting.AS_BUILT) {
            config.getGraphOptionsBuilder().getRewriteOptionsBuilder().setDisableMetaOptimizer(true);
            config.getGraphOptionsBuilder().getOptimizerOptionsBuilder().setOptLevel(OptimizerOptions.Level.L0)
                    .setDoConstantFolding(false).setDoCommonSubexpressionElimination(false);
        }
        return new Session(graph, config.build());
    }
}
