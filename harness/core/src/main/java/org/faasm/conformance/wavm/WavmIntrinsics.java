package org.faasm.conformance.wavm;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * The functions Faasm's WAVM can link an import to, by the import's module and name: its WASI, wasi-threads
 * and env intrinsics ({@code wavm/intrinsics.txt}) and the {@code __faasm_*} calls it implements
 * ({@link FaasmVm#WAVM}).
 */
public final class WavmIntrinsics {
    private static final String WASI = "wasi_snapshot_preview1";
    private static final String WASI_THREADS = "wasi";
    private static final String ENV = "env";
    private static final Pattern LINE = Pattern.compile("(\\S+) (\\S+) \\(([a-z0-9 ]*)\\) -> \\(([a-z0-9 ]*)\\)");

    private final Map<String, FunctionType> byKey;

    private WavmIntrinsics(Map<String, FunctionType> byKey) {
        this.byKey = byKey;
    }

    /** The table read from the resource that ships with the harness. */
    public static WavmIntrinsics load() {
        try (InputStream in = WavmIntrinsics.class.getResourceAsStream("/wavm/intrinsics.txt")) {
            if (in == null) {
                throw new IllegalStateException("wavm/intrinsics.txt is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WavmIntrinsics parse(String text) {
        Map<String, FunctionType> byKey = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("wavm/intrinsics.txt: cannot read line '" + line + "'");
            }
            byKey.put(key(m.group(1), m.group(2)), FunctionType.of(types(m.group(3)), types(m.group(4))));
        }
        for (FaasmImport call : FaasmVm.WAVM.imports()) {
            byKey.put(key(ENV, call.importName()), call.wasmType());
        }
        return new WavmIntrinsics(Map.copyOf(byKey));
    }

    /** Every import WAVM can link, as {@code {module: [name, …]}} with modules as WAVM resolves them (wasi, WASI, env). */
    public Map<String, List<String>> namesByModule() {
        Map<String, List<String>> names = new TreeMap<>();
        byKey.keySet().stream().sorted().forEach(key -> {
            int split = key.indexOf('\u0000');
            names.computeIfAbsent(key.substring(0, split), m -> new ArrayList<>()).add(key.substring(split + 1));
        });
        return names;
    }

    /** The type of the intrinsic WAVM links the import to, or empty when it has none (WAVM: "Missing import"). */
    public Optional<FunctionType> resolve(String module, String name) {
        return Optional.ofNullable(byKey.get(key(intrinsicModule(module), name)));
    }

    /** WAVMWasmModule.cpp, resolve: WASI and wasi-threads by name, any other module is env. */
    private static String intrinsicModule(String module) {
        return module.equals(WASI) || module.equals(WASI_THREADS) ? module : ENV;
    }

    private static List<ValType> types(String names) {
        return Arrays.stream(names.split(" ")).filter(n -> !n.isEmpty()).map(WavmIntrinsics::valType).toList();
    }

    private static ValType valType(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            default -> throw new IllegalArgumentException("wavm/intrinsics.txt: unknown type " + name);
        };
    }

    private static String key(String module, String name) {
        return module + "\u0000" + name;
    }
}
