package org.faasm.conformance.coverage;

import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmImport;

/**
 * The host-interface imports one spec touches.
 *
 * @param declared imported by the modules of its call tree (its function, and every function it chained)
 * @param called called, as recorded in any backend's trace
 */
public record SpecImports(Set<FaasmImport> declared, Set<FaasmImport> called) {}
