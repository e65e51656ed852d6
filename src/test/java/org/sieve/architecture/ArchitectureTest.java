package org.sieve.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sieve.model.DecoderSet;

/**
 * The rules of docs/ARCHITECTURE.md, checked on Sieve's compiled classes (not its tests): each
 * package imports only the packages its row of the table allows, nothing below {@code ui}
 * imports JavaFX, nothing below {@code service} starts a thread, {@code metrics} knows nothing
 * of files or model formats, and no two packages import each other. A rule broken by new code
 * fails the build; the exceptions below are named one by one with the reason they remain.
 */
class ArchitectureTest {

    private static final JavaClasses SIEVE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sieve");

    /** The packages that run on the caller's thread: below {@code service} and beside it. */
    private static final String[] NO_THREADS = {"org.sieve.analysis..", "org.sieve.metrics..", "org.sieve.network..",
        "org.sieve.image..", "org.sieve.render..", "org.sieve.report..", "org.sieve.io..", "org.sieve.tf..",
        "org.sieve.data..", "org.sieve.train..", "org.sieve.findings.."};

    /** The network's layers without the model files' readers, which sit above the model. */
    private static final DescribedPredicate<JavaClass> NOT_FORMAT =
            DescribedPredicate.not(resideInAPackage("org.sieve.network.format.."));

    /** The rows of the table: each package below org.sieve with its subpackages, and network.format on its own. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (name.startsWith("org.sieve.network.format")) {
                return SliceIdentifier.of("network.format");
            }
            String[] parts = name.split("\\.");
            return parts.length > 2 ? SliceIdentifier.of(parts[2]) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "Sieve's packages, network.format apart from network";
        }
    };

    @Test
    void eachPackageImportsOnlyWhatItsRowAllows() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("org.sieve")
                .layer("cli").definedBy("org.sieve.cli..")
                .layer("ui").definedBy("org.sieve.ui..")
                .optionalLayer("lesson").definedBy("org.sieve.lesson..")
                .optionalLayer("spark").definedBy("org.sieve.spark..")
                .layer("selftest").definedBy("org.sieve.selftest..")
                .layer("report").definedBy("org.sieve.report..")
                .layer("service").definedBy("org.sieve.service..")
                .layer("analysis").definedBy("org.sieve.analysis..")
                .layer("findings").definedBy("org.sieve.findings..")
                .layer("train").definedBy("org.sieve.train..")
                .layer("data").definedBy("org.sieve.data..")
                .layer("metrics").definedBy("org.sieve.metrics..")
                .layer("render").definedBy("org.sieve.render..")
                .layer("image").definedBy("org.sieve.image..")
                .layer("format").definedBy("org.sieve.network.format..")
                .layer("model").definedBy("org.sieve.model..")
                .layer("network").definedBy(resideInAPackage("org.sieve.network..").and(NOT_FORMAT))
                .layer("tf").definedBy("org.sieve.tf..")
                .layer("io").definedBy("org.sieve.io..")
                .ensureAllClassesAreContainedInArchitecture()
                // The command line may use everything, the explorer included (to open it); nothing uses it.
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("ui").mayOnlyAccessLayers(may("lesson", "selftest", "report", "service", "analysis",
                        "metrics", "render", "image", "format", "model", "network", "tf", "io"))
                // Lessons are told through reports, the service and analyses; they never reach the explorer or
                // the command line.
                .whereLayer("lesson").mayOnlyAccessLayers(may("report", "service", "analysis", "metrics", "render",
                        "image", "format", "model", "network", "tf", "io"))
                // The batch engine on Spark is started from the command line only.
                .whereLayer("spark").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("spark").mayOnlyAccessLayers(may("report", "service", "analysis", "data", "metrics",
                        "render", "image", "format", "model", "network", "tf", "io"))
                .whereLayer("selftest").mayOnlyAccessLayers(may("service", "analysis", "metrics", "render", "image",
                        "format", "model", "network", "tf", "io"))
                .whereLayer("report").mayOnlyAccessLayers(may("analysis", "metrics", "render", "image", "format",
                        "model", "network", "tf", "io"))
                .whereLayer("service").mayOnlyAccessLayers(may("analysis", "metrics", "render", "image", "format",
                        "model", "network", "tf", "io"))
                .whereLayer("analysis").mayOnlyAccessLayers(may("metrics", "render", "image", "format", "model",
                        "network", "tf", "io"))
                .whereLayer("findings").mayOnlyAccessLayers(may("metrics", "render", "io"))
                .whereLayer("train").mayOnlyAccessLayers(may("data", "metrics", "format", "model", "image", "network",
                        "tf", "io"))
                .whereLayer("data").mayOnlyAccessLayers(may("metrics", "model", "network", "tf", "io"))
                .whereLayer("metrics").mayOnlyAccessLayers(may("network", "tf"))
                .whereLayer("render").mayOnlyAccessLayers(may("metrics", "io"))
                .whereLayer("image").mayOnlyAccessLayers(may("io"))
                // The readers and writers of model files (with the catalogue and the format registry) make models;
                // a model is a network with its description, which knows no file format.
                .whereLayer("format").mayOnlyAccessLayers(may("model", "image", "network", "tf", "io"))
                .whereLayer("model").mayOnlyAccessLayers(may("image", "network", "io"))
                .whereLayer("network").mayOnlyAccessLayers(may("tf", "io"))
                .whereLayer("tf").mayOnlyAccessLayers(may())
                .whereLayer("io").mayOnlyAccessLayers(may())
                .whereLayer("root").mayNotAccessAnyLayer();
        layers.check(SIEVE);
    }

    @Test
    void noPackagesImportEachOther() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(SIEVE);
    }

    /**
     * The format folders below network.format (onnx, graph, common) import neither each other nor the
     * registry and catalogue above them; the pieces two formats share sit in common.
     */
    @Test
    void formatFoldersImportOnlyTheirCommonPieces() {
        slices().matching("org.sieve.network.format.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("org.sieve.network.format.common.."))
                .check(SIEVE);
        noClasses().that().resideInAPackage("org.sieve.network.format.*..").should().dependOnClassesThat()
                .resideInAPackage("org.sieve.network.format").check(SIEVE);
    }

    @Test
    void onlyTheExplorerImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.sieve.ui..").should().dependOnClassesThat()
                .resideInAPackage("javafx..").check(SIEVE);
    }

    @Test
    void nothingBelowTheServiceStartsAThread() {
        noClasses().that().resideInAnyPackage(NO_THREADS)
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .orShould().callMethod(Thread.class, "start")
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ExecutorService.class,
                        ForkJoinPool.class, Timer.class)
                // CompletableFuture's *Async methods and parallel streams run on the common pool's threads.
                .orShould().callMethodWhere(target(owner(assignableTo(CompletableFuture.class)))
                        .and(target(nameMatching(".*Async"))))
                .orShould().callMethodWhere(target(name("parallelStream")))
                .orShould().callMethodWhere(target(owner(resideInAPackage("java.util.stream")))
                        .and(target(name("parallel"))))
                .check(SIEVE);
    }

    @Test
    void metricsKnowNothingOfFilesOrModelFormats() {
        noClasses().that().resideInAPackage("org.sieve.metrics..").should().dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "org.sieve.network.format..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                        java.io.FileOutputStream.class)
                .check(SIEVE);
    }

    /** The layers a row names, and the root package ({@code SieveException}, {@code Sha256}) that every row may use. */
    private static String[] may(String... layers) {
        return Stream.concat(Stream.of(layers), Stream.of("root")).toArray(String[]::new);
    }
}
