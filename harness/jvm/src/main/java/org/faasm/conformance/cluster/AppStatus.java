package org.faasm.conformance.cluster;

import java.util.List;

/** Faasm's BatchExecuteRequestStatus: an app's finished results, and whether nothing is still running. */
record AppStatus(int appId, boolean finished, List<MessageResult> results) {}
