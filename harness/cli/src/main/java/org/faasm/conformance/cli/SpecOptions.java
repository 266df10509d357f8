package org.faasm.conformance.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Which specs a command runs, by id or glob and by tag: shared by {@code run} and {@code serve}. */
final class SpecOptions {
    @Option(names = {"-s", "--spec"}, paramLabel = "ID|GLOB", description = "Spec id or glob, e.g. 'chaining/*' (repeatable; default: all).")
    List<String> specs = List.of();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only specs with this tag (repeatable).")
    List<String> tags = List.of();
}
