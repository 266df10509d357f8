package org.faasm.conformance.jvm;

/**
 * One Faasm message to run: Faasm's Message, reduced to what a function can see.
 *
 * @param funcPtr function-table index for a pointer-chained call, 0 to run {@code _start}
 * @param host the logical host it is placed on
 */
record Message(int id, String user, String function, int funcPtr, byte[] input, String cmdline, int host) {}
