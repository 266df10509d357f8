package org.faasm.conformance.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the committed wasm module on GraalWasm via func/bench/RunGraalWasm.java, all imports stubbed, in a
 * Java 21+ process of its own (the build stays on Java 17). The GraalVM jars are resolved once from
 * func/bench/graalwasm/pom.xml by Maven; the Graal compiler jar goes on the upgrade module path so that
 * Truffle compiles with its optimizing runtime instead of falling back to its interpreter. Which of the
 * two ran is in each cell's detail.
 */
final class GraalWasmRunner implements KernelRunner {

    static final int MIN_JAVA = 21;
    private static final Pattern JAVA_VERSION = Pattern.compile("^\\S+ (\\d+)");
    private static final String LANGUAGE_JAR = "wasm-language-";
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(10);

    private final ProjectLayout layout;
    private final String java;
    private final String mvn;
    private final WasmModules modules;
    private final Path scratch;
    private ModulePaths paths;
    private Unavailable unresolved; // kept so that a failed resolution is not retried for every kernel

    /** The compiler jar (upgrade module path), every other GraalVM jar (module path), GraalWasm's version. */
    private record ModulePaths(String upgrade, String modules, String version) {
    }

    /**
     * @param java    the {@code java} of a Java 21+ runtime
     * @param mvn     Maven, to resolve the GraalVM jars into the local repository
     * @param scratch a directory for the resolved class path list
     */
    GraalWasmRunner(ProjectLayout layout, String java, String mvn, WasmModules modules, Path scratch) {
        this.layout = layout;
        this.java = java;
        this.mvn = mvn;
        this.modules = modules;
        this.scratch = scratch;
    }

    @Override
    public Engine engine() {
        return Engine.GRAALWASM;
    }

    @Override
    public Measurement run(Kernel kernel, RunPlan plan) {
        String version;
        WasmModules.Module wasm;
        try {
            version = checkTools();
            wasm = modules.resolve(kernel);
            if (unresolved != null) {
                throw unresolved;
            }
            if (paths == null) {
                try {
                    paths = resolveJars();
                } catch (Unavailable e) {
                    unresolved = e;
                    throw e;
                }
            }
        } catch (Unavailable e) {
            return Measurement.unavailable(e.getMessage());
        }
        List<String> command = List.of(java, "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path", paths.upgrade(), "--module-path", paths.modules(),
                // GraalWasm compiles v128 through the Vector API only when its incubator module is
                // resolved (its module requires it "static"): about 50x faster on simd_dot than without.
                "--add-modules", "org.graalvm.polyglot,jdk.incubator.vector",
                "--enable-native-access=org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                layout.graalWasmRunner().toString(), wasm.path().toString());
        try {
            // The extra minute is the JVM start, source compilation and Truffle's first compilations.
            Processes.Result run = Processes.run(Processes.concat(command, plan.toolArgs()), layout.root(),
                    NativeRunner.timeout(plan).plusMinutes(1));
            if (!run.succeeded()) {
                return Measurement.error("GraalWasm failed: " + failure(run));
            }
            String runtime = SampleOutput.field(run.stdout(), "runtime");
            String mode = "Interpreted".equals(runtime) ? "Truffle interpreter only (no optimizing runtime)"
                    : "Truffle optimizing runtime (" + runtime + ")";
            return SampleOutput.parse(run.stdout(), plan.n(),
                    "GraalWasm " + paths.version() + ", " + mode + ", " + version + "; module " + wasm.origin());
        } catch (IOException e) {
            return Measurement.error("GraalWasm: " + e.getMessage());
        }
    }

    /** The JVM's warnings (the incubator module, Truffle's notices) come first on stderr: skip them. */
    private static String failure(Processes.Result run) {
        return run.stderr().lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("WARNING") && !line.startsWith("["))
                .findFirst().map(line -> "exit " + run.exitCode() + ": " + line).orElse(run.failureSummary());
    }

    /** The first line of {@code java --version}, if it is Java 21 or newer and the runner's files are there. */
    private String checkTools() throws Unavailable {
        String version = Processes.version(java);
        if (version == null) {
            throw new Unavailable("needs Java " + MIN_JAVA + "+: '" + java + "' not found (--graalwasm-java)");
        }
        Matcher m = JAVA_VERSION.matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_JAVA) {
            throw new Unavailable("needs Java " + MIN_JAVA + "+: '" + java + "' is " + version + " (--graalwasm-java)");
        }
        if (!Files.isRegularFile(layout.graalWasmRunner()) || !Files.isRegularFile(layout.graalWasmPom())) {
            throw new Unavailable("missing " + layout.graalWasmRunner() + " or " + layout.graalWasmPom());
        }
        return version;
    }

    private ModulePaths resolveJars() throws Unavailable {
        Path list = scratch.resolve("graalwasm-classpath.txt");
        try {
            Processes.Result run = Processes.run(List.of(mvn, "-B", "-q", "-ntp", "-f", layout.graalWasmPom().toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + list), layout.root(), RESOLVE_TIMEOUT);
            if (!run.succeeded()) {
                throw new Unavailable("could not resolve the GraalVM jars: " + run.failureSummary());
            }
            List<String> upgrade = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String entry : Files.readString(list).strip().split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) { // the wasm artifacts are poms, listed too
                    (Path.of(entry).getFileName().toString().startsWith("compiler-") ? upgrade : rest).add(entry);
                }
            }
            if (upgrade.size() != 1 || rest.isEmpty()) {
                throw new Unavailable("unexpected GraalVM class path from " + layout.graalWasmPom() + ": " + upgrade + rest);
            }
            String version = rest.stream().map(jar -> Path.of(jar).getFileName().toString())
                    .filter(name -> name.startsWith(LANGUAGE_JAR)).findFirst()
                    .map(name -> name.substring(LANGUAGE_JAR.length(), name.length() - ".jar".length())).orElse("?");
            return new ModulePaths(upgrade.get(0), String.join(File.pathSeparator, rest), version);
        } catch (IOException e) {
            throw new Unavailable("could not resolve the GraalVM jars: '" + mvn + "': " + e.getMessage());
        }
    }
}
