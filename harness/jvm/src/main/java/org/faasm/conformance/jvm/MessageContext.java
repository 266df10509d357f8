package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.state.HostState;

/** What the host functions of one running message share: its message, cluster, output and calls. */
final class MessageContext {
    final Message message;
    final CallScheduler cluster;
    final VmModel vm;
    final HostState state;
    final CallTrace trace = new CallTrace();
    final MappedState mapped;
    /** The message's own file system, which WASI and {@code __faasm_write_state_from_file} read. */
    final SandboxFileSystem files;
    final List<Integer> chainedIds = new ArrayList<>();
    byte[] output = new byte[0];

    MessageContext(Message message, CallScheduler cluster, VmModel vm, SandboxFileSystem files) {
        this.files = files;
        this.message = message;
        this.cluster = cluster;
        this.vm = vm;
        this.state = cluster.host(message.user(), message.host());
        this.mapped = new MappedState(state);
    }
}
