package org.faasm.conformance.junit;

import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * The parts of the suite a request picks by unique id (an IDE re-running one test, PIT running the
 * tests that cover a mutant): the suite class they name, and which specs and backends they keep. With
 * no unique id of this engine selected, everything is kept.
 */
record UniqueIdPicks(List<UniqueId> picked) {
    private static final String CLASS_SEGMENT = "class";

    static UniqueIdPicks of(EngineDiscoveryRequest request, UniqueId engine) {
        return new UniqueIdPicks(request.getSelectorsByType(UniqueIdSelector.class).stream().map(UniqueIdSelector::getUniqueId)
                .filter(id -> id.hasPrefix(engine) && id.getSegments().size() > engine.getSegments().size()).toList());
    }

    /** The {@link ConformanceSuite} class named by a picked id, if one is. */
    Optional<Class<?>> suiteClass() {
        return picked.stream().flatMap(id -> id.getSegments().stream()).filter(s -> s.getType().equals(CLASS_SEGMENT)).findFirst()
                .flatMap(s -> ReflectionSupport.tryToLoadClass(s.getValue()).toOptional())
                .filter(c -> c.isAnnotationPresent(ConformanceSuite.class));
    }

    /** Whether the descriptor {@code id} is picked, lies under a picked one or holds one. */
    boolean keeps(UniqueId id) {
        return picked.isEmpty() || picked.stream().anyMatch(p -> id.hasPrefix(p) || p.hasPrefix(id));
    }
}
