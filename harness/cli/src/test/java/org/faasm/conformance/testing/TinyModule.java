package org.faasm.conformance.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small wasm modules byte by byte for tests: function types, function imports, memory imports,
 * defined functions whose body is {@code unreachable} (valid for any type), one memory, and exports.
 */
public final class TinyModule {
    public static final byte I32 = 0x7f;
    public static final byte I64 = 0x7e;

    private final List<byte[]> types = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private int importedFunctions;
    private boolean memory;

    /**
     * A module Faasm's WAVM refuses to bind: it exports memory and {@code _start} (whose body is
     * {@code unreachable}, so a run that reached it would trap) but no {@code __wasm_call_ctors}.
     */
    public static byte[] withoutConstructors() {
        TinyModule module = new TinyModule();
        module.exportFunction("_start", module.function(module.type(new byte[0], new byte[0])));
        return module.memory().exportMemory("memory").bytes();
    }

    /** Adds a function type and returns its index. */
    public int type(byte[] params, byte[] results) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write(0x60);
        vector(t, params);
        vector(t, results);
        types.add(t.toByteArray());
        return types.size() - 1;
    }

    /** Imports a function (before any defined function) and returns its function index. */
    public int importFunction(String module, String name, int type) {
        ByteArrayOutputStream i = new ByteArrayOutputStream();
        name(i, module);
        name(i, name);
        i.write(0x00);
        uleb(i, type);
        imports.add(i.toByteArray());
        return importedFunctions++;
    }

    public TinyModule importMemory(String module, String name) {
        ByteArrayOutputStream i = new ByteArrayOutputStream();
        name(i, module);
        name(i, name);
        i.write(0x02);
        i.write(0x00);
        uleb(i, 1);
        imports.add(i.toByteArray());
        return this;
    }

    /** Defines a function and returns its function index. */
    public int function(int type) {
        functions.add(type);
        return importedFunctions + functions.size() - 1;
    }

    /** Defines one memory of one page. */
    public TinyModule memory() {
        memory = true;
        return this;
    }

    public TinyModule exportFunction(String name, int function) {
        return export(name, 0x00, function);
    }

    public TinyModule exportMemory(String name) {
        return export(name, 0x02, 0);
    }

    private TinyModule export(String name, int kind, int index) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        name(e, name);
        e.write(kind);
        uleb(e, index);
        exports.add(e.toByteArray());
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        section(out, 1, types);
        section(out, 2, imports);
        section(out, 3, functions.stream().map(TinyModule::uleb).toList());
        if (memory) {
            section(out, 5, List.of(new byte[] {0x00, 0x01}));
        }
        section(out, 7, exports);
        // Each body: size 3, no locals, unreachable, end.
        section(out, 10, functions.stream().map(f -> new byte[] {0x03, 0x00, 0x00, 0x0b}).toList());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, List<byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        uleb(content, entries.size());
        entries.forEach(content::writeBytes);
        out.write(id);
        uleb(out, content.size());
        out.writeBytes(content.toByteArray());
    }

    private static void vector(ByteArrayOutputStream out, byte[] items) {
        uleb(out, items.length);
        out.writeBytes(items);
    }

    private static void name(ByteArrayOutputStream out, String text) {
        vector(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] uleb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        uleb(out, value);
        return out.toByteArray();
    }

    private static void uleb(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int b = rest & 0x7f;
            rest >>>= 7;
            out.write(rest == 0 ? b : b | 0x80);
        } while (rest != 0);
    }
}
