package org.faasm.conformance.browser;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.spec.Capability;

/**
 * The JavaScript host a browser column runs in Chromium: ours ({@code host-run.mjs}), or a third
 * party's ES module exporting {@code runEntry} with the same interface (harness/EXTENDING.md), served
 * with the files of its folder; with the column's name and what it declares it can do.
 *
 * @param module the third party's module; empty for ours
 */
public record BrowserHost(String name, Optional<Path> module, FaasmVm vm, Set<Capability> capabilities, Set<FaasmImport> imports,
        Set<String> wasiImports) {

    /** Ours: one worker is one host, so specs needing several hosts with their own local tiers cannot run here. */
    static final BrowserHost OURS = new BrowserHost("browser", Optional.empty(), FaasmVm.WAVM,
            EnumSet.complementOf(EnumSet.of(Capability.MULTI_HOST)), BrowserBackend.IMPLEMENTED, BrowserBackend.IMPLEMENTED_WASI);

    /** Where the worker imports the host from, on the page's server. */
    String url() {
        return module.map(m -> StaticServer.HOST_PREFIX + "/" + m.getFileName()).orElse("./host-run.mjs");
    }
}
