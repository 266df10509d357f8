package org.faasm.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.certify.Badge;
import org.faasm.conformance.certify.Certificate;
import org.faasm.conformance.certify.CorpusDigest;
import org.faasm.conformance.certify.Profile;
import org.faasm.conformance.certify.Profiles;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.support.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code certify}: runs the profiles' specs on one backend and writes a certificate (per profile,
 * conformant or not, with the failing specs; the corpus digest; the harness version) and a badge; or,
 * with {@code --verify}, checks a certificate against the corpus in hand.
 */
@Command(name = "certify", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Certify a backend for the profiles of specs/profiles/, or verify a certificate.",
        footerHeading = "%nExamples:%n",
        footer = {"  certify --backend jvm-wavm --profile core --out /tmp/cert",
                "  certify --verify /tmp/cert/certificate.json"})
public final class CertifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", description = "The backend to certify (an adapter or a configured deployment too).")
    String backend;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "Only this profile (repeatable; default: all).")
    List<String> profileNames = List.of();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write certificate.json and badge.svg (default: reports/certificate/).")
    Path out;

    /** A certificate lists each profile's failing specs and the digest of every file of the corpus: megabytes at most. */
    static final long MAX_CERTIFICATE_BYTES = 16L << 20;

    @Option(names = "--verify", paramLabel = "CERTIFICATE", description = "Check a certificate against the corpus in hand instead.")
    Path verify;

    @Mixin
    ProjectRoot project = new ProjectRoot();

    @Override
    public Integer call() throws IOException {
        ProjectLayout layout = project.layout();
        return verify != null ? verify(layout, System.out) : certify(layout, System.out);
    }

    private int verify(ProjectLayout layout, PrintStream console) {
        JsonNode certificate;
        try {
            // Only a regular file of a certificate's size is opened: a FIFO or a device would block the read for ever.
            if (!Files.isRegularFile(verify)) {
                throw new IOException("not a regular file");
            }
            if (Files.size(verify) > MAX_CERTIFICATE_BYTES) {
                throw new IOException("larger than a certificate (" + (MAX_CERTIFICATE_BYTES >> 20) + " MiB)");
            }
            certificate = JSON.readTree(verify.toFile());
        } catch (IOException e) {
            throw usage("--verify: cannot read a certificate at " + verify + ": " + e.getMessage());
        }
        List<String> problems = Certificate.verify(certificate, CorpusDigest.of(layout));
        if (problems.isEmpty()) {
            console.println("valid: " + certificate.path("backend").asText() + " is conformant to "
                    + String.join(", ", Certificate.conformant(certificate)) + " on this corpus (" + certificate.path("corpus").path("digest").asText() + ")");
            return 0;
        }
        console.println("rejected: " + verify);
        problems.forEach(console::println);
        return 1;
    }

    private int certify(ProjectLayout layout, PrintStream console) throws IOException {
        Backends registry = CommandChecks.backends(command);
        if (backend == null) {
            throw usage("--backend is required; known: " + String.join(", ", registry.names()));
        }
        CommandChecks.known(command, registry, List.of(backend));
        List<Profile> profiles = profiles(layout);
        Path folder = out != null ? out : layout.reports().resolve("certificate");
        CommandChecks.writableFolder(command, folder);
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        List<Spec> specs = catalog.specs().stream().filter(s -> profiles.stream().anyMatch(p -> p.holds(s))).toList();
        console.println("Certifying " + backend + " for " + String.join(", ", profiles.stream().map(Profile::name).toList())
                + ": " + specs.size() + " specs");
        RunResult run;
        String version;
        try (BackendPool pool = BackendPool.create(registry, new BackendConfig(layout.wasm()), List.of(backend))) {
            // Every spec counts as it ran: known failures are failures here.
            run = new SuiteRun(SpecRunner.DEFAULT_TIMEOUT, Expectations.none()).execute(specs, catalog.errors(), pool,
                    (outcome, index, done, total) -> { });
            version = pool.infos().get(0).version();
        }
        ObjectNode certificate = Certificate.of(backend, version, RunInfo.buildVersion(), CorpusDigest.of(layout), profiles, run.outcomes());
        byte[] written = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(certificate);
        List<String> conformant = Certificate.conformant(certificate);
        String badge = Badge.svg(conformant, profiles.size());
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(folder.resolve(Certificate.FILE), out -> out.write(written));
        files.put(folder.resolve(Certificate.BADGE), out -> out.write(badge.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeSet(files);
        certificate.path("profiles").properties().forEach(p -> console.println("  " + (p.getValue().path("conformant").asBoolean()
                ? "conformant     " : "not conformant ") + p.getKey() + " (" + p.getValue().path("passed").asInt() + "/"
                + p.getValue().path("specs").asInt() + ")"));
        console.println("Certificate: " + folder.resolve(Certificate.FILE) + ", badge: " + folder.resolve(Certificate.BADGE));
        return conformant.size() == profiles.size() ? 0 : 1;
    }

    private List<Profile> profiles(ProjectLayout layout) {
        List<Profile> all;
        try {
            all = Profiles.load(layout.specs().resolve("profiles"));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        List<String> known = all.stream().map(Profile::name).toList();
        for (String name : profileNames) {
            if (!known.contains(name)) {
                throw usage("unknown profile '" + name + "'; known: " + String.join(", ", known));
            }
        }
        return profileNames.isEmpty() ? all : all.stream().filter(p -> profileNames.contains(p.name())).toList();
    }

    private ParameterException usage(String message) {
        return CommandChecks.usage(command, message);
    }
}
