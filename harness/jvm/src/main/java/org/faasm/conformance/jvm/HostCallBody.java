package org.faasm.conformance.jvm;

/** The Java side of one host call: reads its arguments, does the work, returns its i32 result or null. */
@FunctionalInterface
interface HostCallBody {
    Integer call(HostCallArgs args);
}
