package org.faasm.conformance.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Consumer;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.browser.BrowserBackend;
import org.faasm.conformance.jvm.JvmBackend;

/** Where a backend's host takes a mutant: the jvm host's {@link JvmBackend#hook} or the browser page's. */
record Seam(String host, Consumer<Optional<Mutant>> seed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seam of a backend whose host the catalogue can mutate; empty for any other. */
    static Optional<Seam> of(Backend backend) {
        if (backend instanceof JvmBackend jvm) {
            return Optional.of(new Seam("jvm", m -> jvm.hook(m.map(JvmMutantHook::new).orElse(null))));
        }
        if (backend instanceof BrowserBackend browser) {
            return Optional.of(new Seam("browser", m -> browser.mutant(m.map(x -> JSON.<JsonNode>valueToTree(x.calls())).orElse(null))));
        }
        return Optional.empty();
    }
}
