package org.faasm.conformance.agreement;

import org.faasm.conformance.observe.HostCall;

/** A host call made comparable across backends, with its position in the raw trace it came from. */
record NormalizedCall(HostCall call, int rawIndex) {}
