package org.faasm.conformance.cli;

import java.nio.file.Path;
import org.faasm.conformance.run.ProjectLayout;
import picocli.CommandLine.Option;

/** The {@code --root} option of the commands that read the project: where specs/ and wasm/ are. */
final class ProjectRoot {
    @Option(names = "--root", paramLabel = "DIR", description = "Project root holding specs/ and wasm/ (default: found from the working directory).")
    Path root;

    ProjectLayout layout() {
        return root != null ? new ProjectLayout(root.toAbsolutePath().normalize()) : ProjectLayout.locate();
    }
}
