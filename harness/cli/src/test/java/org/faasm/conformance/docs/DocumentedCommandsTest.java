package org.faasm.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.cli.Main;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.junit.ConformanceTestEngine;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.testing.Chromium;
import org.faasm.conformance.testing.SystemProperties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every command line the README, the guide ({@code harness/docs/}) and {@code harness/EXTENDING.md} show in a
 * {@code sh} block runs as written, in page order, in a copy of the project, and exits 0. A Maven
 * {@code exec:java} line runs the main class in a JVM of its own started in that copy, with the line's
 * {@code -D} properties and its {@code exec.args} split as the exec plugin splits them (the Maven part is the
 * same for every line, and CI runs the README's main command through Maven itself); a {@code mvn verify} line
 * runs the suite's JUnit engine with its properties. Where a command would take long, a selection is appended,
 * said in {@link #narrowed}. Lines CI runs verbatim ({@code .ci/run}) are checked to be there.
 */
class DocumentedCommandsTest {
    private static final Path ROOT = ProjectLayout.locate().root();
    /** What one documented command may take, with a selection appended: minutes of margin on a loaded machine. */
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(5);
    /** The project's own suite, as {@code mvn verify} runs it. */
    private static final String SUITE_CLASS = "org.faasm.conformance.ConformanceSuiteTest";
    /** The PIT goal: a run of many minutes, measured by hand (mutants.md). */
    private static final String PIT_GOAL = "org.pitest:pitest-maven:mutationCoverage";
    private static final Pattern SERVE_URL = Pattern.compile("Open (http://127\\.0\\.0\\.1:[0-9]+/suite\\.html\\?key=[0-9a-f]{32}) ");

    static List<DocumentedCommand> documented() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> guide = Files.list(ROOT.resolve("harness/docs"))) {
            guide.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(ROOT.resolve("harness/EXTENDING.md"));
        List<DocumentedCommand> commands = new ArrayList<>();
        for (Path page : pages) {
            commands.addAll(DocumentedCommand.read(ROOT, page));
        }
        return commands;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRunsAsWritten(@TempDir Path copy) throws IOException {
        copyProject(copy);
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip).toList();
        return documented().stream().map(command -> DynamicTest.dynamicTest(command.toString(), () -> {
            if (ci.contains(command.text())) {
                return; // .ci/run runs this very line
            }
            if (command.words().contains(PIT_GOAL)) {
                return; // a measurement of many minutes (mutants.md gives its times), not a check: run by hand
            }
            DocumentedCommand here = command.inFolder(copy);
            try (AutoCloseable cluster = clusterAtTheDocumentedAddress(command)) {
                if (command.isMaven("exec:java")) {
                    runMainClass(here, copy);
                } else if (command.isMaven("verify")) {
                    runSuite(here, copy);
                } else if (Files.isExecutable(copy.resolve(command.words().get(0)))) {
                    runScript(here, copy);
                } else {
                    throw new AssertionError("no test runs this documented command, and .ci/run does not: " + command);
                }
            }
            assertSameTree(ROOT.resolve("wasm"), copy.resolve("wasm"), command);
        }));
    }

    @Test
    void theCiScriptRunsTheReadmeMainCommandAndTheTestsFromTheReadme() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci).contains("readme_command exec:java").contains("readme_command verify");
        assertThat(documented()).extracting(DocumentedCommand::text).contains("mvn -q compile exec:java", "mvn verify");
    }

    /**
     * A deployment the guide gives by URL on this machine (Faasm's ports, 8002 and 8080) is served there by an
     * embedded cluster while the command runs: it answers as Faasm's upload server and planner do.
     */
    private static AutoCloseable clusterAtTheDocumentedAddress(DocumentedCommand command) throws IOException {
        if (!command.text().contains("http://127.0.0.1:8080")) {
            return () -> { };
        }
        return EmbeddedCluster.startOn(1, Duration.ofSeconds(60), 8002, 8080);
    }

    private static void runScript(DocumentedCommand command, Path copy) throws Exception {
        Path log = Files.createTempFile(copy, "command", ".log");
        Process process = new ProcessBuilder(command.words()).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitExit(process, command, log);
    }

    private static void awaitExit(Process process, DocumentedCommand command, Path log) throws Exception {
        try {
            assertThat(process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("%s ended within %s", command, COMMAND_DEADLINE).isTrue();
            assertThat(process.exitValue()).as("%s exit code; it printed:%n%s", command, tail(log)).isEqualTo(command.exitCode());
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** No documented command leaves the modules other than committed ({@code func/build.sh} rebuilds them byte for byte). */
    private static void assertSameTree(Path expected, Path actual, DocumentedCommand command) throws IOException {
        try (Stream<Path> files = Files.list(expected)) {
            for (Path file : files.toList()) {
                assertThat(actual.resolve(file.getFileName().toString())).as("%s left %s", command, file.getFileName()).hasSameBinaryContentAs(file);
            }
        }
        try (Stream<Path> files = Files.list(actual)) {
            assertThat(files.count()).as("%s left the number of modules", command).isEqualTo(Files.list(expected).count());
        }
    }

    private static void runMainClass(DocumentedCommand command, Path copy) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.properties().forEach((name, value) -> {
            if (!name.equals("exec.args")) {
                java.add("-D" + name + "=" + value);
            }
        });
        java.add(Main.class.getName());
        java.addAll(narrowed(command.execArguments()));
        Path log = Files.createTempFile(copy, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(java).directory(copy.toFile()).redirectErrorStream(true);
        if (command.execArguments().get(0).equals("serve")) {
            Process process = builder.start();
            try {
                openInABrowser(process, log);
            } finally {
                awaitExit(process, command, log);
            }
        } else {
            awaitExit(builder.redirectOutput(log.toFile()).start(), command, log);
        }
    }

    /**
     * The arguments with a selection appended where the command as written runs long: the whole suite (on every
     * backend: CI runs the README's main command so, on the io/ specs), a whole mutant catalogue (one mutant and its
     * killer), every profile (the smallest), the full benchmark. What a command names itself stays as written.
     */
    static List<String> narrowed(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        switch (args.get(0)) {
            case "run" -> {
                if (!args.contains("--spec") && !args.contains("--tag")) {
                    // A shard of one spec could be empty; the io specs fill both halves of a suite cut in two.
                    args.addAll(List.of("--spec", args.contains("--shard") ? "io/*" : "io/echo_text"));
                }
                if (!args.contains("--backend")) {
                    args.addAll(List.of("--backend", "jvm-wavm"));
                }
            }
            case "certify" -> {
                if (!args.contains("--verify") && !args.contains("--profile")) {
                    args.addAll(List.of("--profile", "simd"));
                }
            }
            case "mutants" -> {
                if (!args.contains("--mutant") && !args.contains("--spec")) {
                    args.addAll(List.of("--mutant", "read-input-ignores-buflen", "--spec", "io/input_partial"));
                }
            }
            case "bench" -> {
                if (!args.contains("--quick")) {
                    args.addAll(List.of("--quick", "--kernels", "fib", "--engines", "native,v8,chicory-compiler", "--sections", "kernels,suite,cold-start",
                            "--specs", "io/echo_text"));
                }
            }
            default -> { }
        }
        return args;
    }

    /** {@code serve} waits for a browser: Chromium opens the URL it prints, as a person would, until the command ends. */
    private static void openInABrowser(Process serve, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        Thread copying;
        String url = null;
        StringBuilder seen = new StringBuilder();
        for (String line; url == null && (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher printed = SERVE_URL.matcher(line);
            if (printed.find()) {
                url = printed.group(1);
            }
        }
        Files.writeString(log, seen);
        assertThat(url).as("serve printed its URL; it printed:%n%s", seen).isNotNull();
        copying = new Thread(() -> {
            try {
                out.transferTo(Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND));
            } catch (IOException e) {
                // the process ended; what it printed so far is in the log
            }
        });
        copying.start();
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, Chromium.required())) {
            browser.newPage().navigate(url);
            serve.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        copying.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** A {@code mvn verify} line: the suite's engine with the line's properties, on the copy, narrowed to one spec where it names none. */
    private static void runSuite(DocumentedCommand command, Path copy) {
        Map<String, String> properties = new HashMap<>(command.properties());
        properties.put("conformance.root", copy.toString());
        properties.put("conformance.reports", copy.resolve("verify-reports").toString());
        if (!properties.containsKey("conformance.specs") && !properties.containsKey("conformance.tags")) {
            properties.put("conformance.specs", "io/echo_text");
        }
        Events tests = SystemProperties.with(properties, () -> EngineTestKit.engine(ConformanceTestEngine.ID)
                .selectors(selectClass(SUITE_CLASS)).execute().testEvents());
        assertThat(tests.started().count() + tests.skipped().count()).as("%s reported tests", command).isPositive();
        assertThat(tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())).as("%s failed tests", command).isEmpty();
    }

    /**
     * The project as a command sees it: specs/ (which {@code expectations} rewrites), wasm/ and func/ copied;
     * harness/ (adapters, docs) and docker/ linked, being only read.
     */
    private static void copyProject(Path copy) throws IOException {
        for (String folder : List.of("specs", "wasm", "func")) {
            Path from = ROOT.resolve(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        for (String folder : List.of("harness", "docker")) {
            Files.createSymbolicLink(copy.resolve(folder), ROOT.resolve(folder));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
