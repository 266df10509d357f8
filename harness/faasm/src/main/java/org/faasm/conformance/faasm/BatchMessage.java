package org.faasm.conformance.faasm;

/** One message of an EXECUTE_BATCH request: the client picks its unique, non-zero id. */
public record BatchMessage(int id, String function, int funcPtr, byte[] input, String cmdline) {}
