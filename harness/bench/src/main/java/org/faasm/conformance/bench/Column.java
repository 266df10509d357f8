package org.faasm.conformance.bench;

/** A column of a bench section: something a row can be measured on (an engine, a backend, ...). */
public record Column(String id, String title) {

    public static Column of(Engine engine) {
        return new Column(engine.id(), engine.title());
    }
}
