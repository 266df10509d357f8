package org.faasm.conformance.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.faasm.conformance.run.ProjectLayout;

/** A throwaway project root: a copy of the real wasm/ modules, and only the specs and expectations a test writes. */
public final class TempProject {
    private final ProjectLayout layout;

    public TempProject(Path root) throws IOException {
        this.layout = new ProjectLayout(root);
        Files.createDirectories(layout.specs());
        Files.createDirectories(layout.wasm());
        try (Stream<Path> modules = Files.list(ProjectLayout.locate().wasm())) {
            for (Path module : modules.filter(p -> p.toString().endsWith(".wasm")).toList()) {
                Files.copy(module, layout.wasm().resolve(module.getFileName()));
            }
        }
    }

    public ProjectLayout layout() {
        return layout;
    }

    /** Copies a spec of the real suite, e.g. {@code io/echo_text}. */
    public TempProject copySpec(String id) throws IOException {
        Path target = layout.specs().resolve(id + ".yaml");
        Files.createDirectories(target.getParent());
        Files.copy(ProjectLayout.locate().specs().resolve(id + ".yaml"), target);
        return this;
    }

    public Path write(String relative, String text) throws IOException {
        Path file = layout.root().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
