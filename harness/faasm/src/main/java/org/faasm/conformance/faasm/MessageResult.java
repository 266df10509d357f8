package org.faasm.conformance.faasm;

import java.util.List;

/** One entry of {@code messageResults}; fields Faasm left out (defaults) are 0, empty or "". */
public record MessageResult(
        int id,
        int appId,
        String function,
        int funcPtr,
        byte[] input,
        String output,
        int returnValue,
        List<Integer> chainedMsgIds,
        String executedHost) {}
