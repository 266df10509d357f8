package org.faasm.conformance.cli;

import org.faasm.conformance.report.RunInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness's build version and the Java running it. */
public final class HarnessVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"faasm-conformance " + RunInfo.buildVersion() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
