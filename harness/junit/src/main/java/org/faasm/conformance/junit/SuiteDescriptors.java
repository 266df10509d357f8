package org.faasm.conformance.junit;

import java.nio.file.Path;
import org.faasm.conformance.spec.Spec;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** The suite's test descriptors: a container per spec (its source the spec file) holding a test per backend. */
final class SuiteDescriptors {
    private SuiteDescriptors() {}

    /** A descriptor of a given type; the suite's kinds below differ only in what they hold. */
    abstract static class Node extends AbstractTestDescriptor {
        private final Type type;

        Node(UniqueId id, String name, TestSource source, Type type) {
            super(id, name, source);
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }

    static TestSource fileSource(Path file, int line) {
        return line > 0 ? FileSource.from(file.toFile(), FilePosition.from(line)) : FileSource.from(file.toFile());
    }

    /**
     * The {@link ConformanceSuite} class that was selected, holding the suite: build tools (Surefire)
     * attribute tests to the class found in their tree.
     */
    static final class SuiteClassDescriptor extends Node {
        SuiteClassDescriptor(UniqueId parent, Class<?> suiteClass) {
            super(parent.append("class", suiteClass.getName()), suiteClass.getSimpleName(), ClassSource.from(suiteClass), Type.CONTAINER);
        }

    }

    /** One spec: its backends' tests run together, so the backends can be compared. */
    static final class SpecDescriptor extends Node {
        final Spec spec;

        SpecDescriptor(UniqueId parent, Spec spec) {
            super(id(parent, spec), spec.id(), fileSource(spec.source(), 1), Type.CONTAINER);
            this.spec = spec;
        }

        static UniqueId id(UniqueId parent, Spec spec) {
            return parent.append("spec", spec.id());
        }

    }

    /** One spec × backend: {@code <spec id> [<backend>]}. */
    static final class VerdictDescriptor extends Node {
        final String backend;

        VerdictDescriptor(SpecDescriptor parent, String backend) {
            super(parent.getUniqueId().append("backend", backend), parent.spec.id() + " [" + backend + "]",
                    fileSource(parent.spec.source(), 1), Type.TEST);
            this.backend = backend;
        }

    }

    /** A test that fails with a message known at discovery: a file that did not load, a selection of nothing. */
    static final class FailingDescriptor extends Node {
        final String message;

        FailingDescriptor(UniqueId parent, String segment, String name, TestSource source, String message) {
            super(parent.append("problem", segment), name, source, Type.TEST);
            this.message = message;
        }

    }
}
