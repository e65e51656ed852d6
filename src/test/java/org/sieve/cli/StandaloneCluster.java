package org.sieve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on the loopback address: one master and worker JVMs started
 * from Spark's own classes, with a SPARK_HOME whose jars/ links the jars Maven resolved (what a
 * worker puts on its executors' class path). Closing it ends the executors, workers and master.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int port;
    private final int uiPort;

    /** Starts the master and {@code workers} workers of one core and {@code memoryMb} each. */
    StandaloneCluster(Path dir, int workers, int memoryMb) throws IOException {
        home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        // A RELEASE file marks an installed Spark, whose jars are in jars/ (not a source build's).
        Files.writeString(home.resolve("RELEASE"), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                + " from the jars Maven resolved\n");
        for (String entry : classPath()) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        port = freePort();
        uiPort = freePort();
        processes.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", HOST,
                "--port", String.valueOf(port), "--webui-port", String.valueOf(uiPort)));
        for (int i = 0; i < workers; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            processes.add(start(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", HOST, "--cores", "1", "--memory", memoryMb + "m", "--work-dir", work.toString(),
                    "--webui-port", String.valueOf(freePort()), master()));
        }
    }

    String master() {
        return "spark://" + HOST + ":" + port;
    }

    /** Waits until every worker has registered with the master; false if that takes past the deadline. */
    boolean awaitWorkers(int workers, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (InputStream in = URI.create("http://" + HOST + ":" + uiPort + "/json/").toURL().openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (json.replaceAll("\\s", "").contains("\"aliveworkers\":" + workers)) {
                    return true;
                }
            } catch (IOException e) {
                // The master's UI is not up yet.
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The executor JVMs running now: a worker's only child processes. */
    List<ProcessHandle> executors() {
        return processes.subList(1, processes.size()).stream().flatMap(Process::children)
                .filter(ProcessHandle::isAlive).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path log, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", home.resolve("jars") + "/*", main));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SPARK_HOME", home.toString());
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        b.environment().put("SPARK_LOCAL_IP", HOST);
        b.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        return b.start();
    }

    /** The tests' class path, entry by entry (surefire may pass it in a manifest-only jar). */
    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
