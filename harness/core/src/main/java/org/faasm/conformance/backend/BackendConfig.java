package org.faasm.conformance.backend;

import java.nio.file.Path;

/**
 * What every backend needs to know about the project.
 *
 * @param wasmDir where {@code <function>.wasm} modules live
 */
public record BackendConfig(Path wasmDir) {}
