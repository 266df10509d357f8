package org.faasm.conformance.adapter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.faasm.conformance.backend.BackendFamily;
import org.faasm.conformance.backend.BackendProvider;
import org.faasm.conformance.browser.BrowserBackendProvider;
import org.faasm.conformance.browser.BrowserHost;
import org.faasm.conformance.run.ProjectLayout;

/**
 * The adapters declared in the project's {@code harness/adapters/} and in the folders named by
 * {@code -Dconformance.adapters} (env {@code CONFORMANCE_ADAPTERS}, separated by the path separator):
 * one column per {@code <name>.yaml}.
 */
public final class AdapterFamily implements BackendFamily {

    @Override
    public List<BackendProvider> providers() {
        List<BackendProvider> providers = new ArrayList<>();
        for (Path folder : folders()) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().matches(".+\\.ya?ml")).sorted()
                        .map(AdapterDeclaration::load).map(AdapterFamily::provider).forEach(providers::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the adapters in " + folder, e);
            }
        }
        return providers;
    }

    private static List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        try {
            folders.add(ProjectLayout.locate().root().resolve("harness").resolve("adapters"));
        } catch (IllegalStateException outsideTheProject) {
            // A harness run outside the project has only the adapters it is told of.
        }
        String configured = System.getProperty("conformance.adapters", System.getenv().getOrDefault("CONFORMANCE_ADAPTERS", ""));
        Arrays.stream(configured.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(s -> {
            Path folder = Path.of(s.trim());
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("conformance.adapters: " + folder + " is not a folder");
            }
            return folder;
        }).forEach(folders::add);
        return folders.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    private static BackendProvider provider(AdapterDeclaration declaration) {
        return BackendProvider.of(declaration.name(), config -> declaration.browserHost().isPresent()
                ? BrowserBackendProvider.forHost(config.wasmDir(), new BrowserHost(declaration.name(), declaration.browserHost(),
                        declaration.vm(), declaration.capabilities(), declaration.imports(), declaration.wasiImports()))
                : new ProcessBackend(declaration, config.wasmDir()));
    }
}
