package org.faasm.conformance.faasm;

import java.util.Arrays;
import java.util.List;
import org.faasm.conformance.backend.BackendFamily;
import org.faasm.conformance.backend.BackendProvider;

/**
 * The Faasm deployments configured as columns of their own with {@code -Dfaasm.deployments} (env
 * {@code FAASM_DEPLOYMENTS}): {@link FaasmDeployment} declarations separated by {@code ;}. Each runs
 * the suite through Faasm's HTTP API like {@code faasm-wavm}/{@code faasm-wamr}, under its own name,
 * judged by its VM's expectations file.
 */
public final class FaasmDeployments implements BackendFamily {

    @Override
    public List<BackendProvider> providers() {
        return FaasmEndpoints.setting("faasm.deployments", "FAASM_DEPLOYMENTS")
                .map(text -> Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(FaasmDeployment::parse).map(FaasmDeployments::provider).toList())
                .orElse(List.of());
    }

    private static BackendProvider provider(FaasmDeployment deployment) {
        return BackendProvider.of(deployment.name(),
                config -> FaasmClusterBackend.deployment(deployment, config.wasmDir().getParent(), config.wasmDir()));
    }
}
