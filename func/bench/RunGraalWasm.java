// GraalWasm timing runner for the bench_*.wasm kernels: the GraalWasm counterpart of run_v8.mjs.
//
// Usage (Java 21+, source-file mode, GraalVM polyglot + wasm jars on the module path):
//   java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path <graal compiler jar> \
//        -p <other jars> --add-modules org.graalvm.polyglot,jdk.incubator.vector RunGraalWasm.java \
//        <module.wasm> <n> <warmup> <warmup_ms> <iterations> <budget_ms>
// Every function import is a stub that throws: bench_kernel must not call the host.
// Prints one JSON object: {"checksum":..,"warmup":..,"samples_ns":[..],"runtime":..}, where
// runtime is Truffle's name for what ran: "Interpreted" when it fell back to its interpreter.
// Warm-up lasts at least <warmup> calls and <warmup_ms>; warm-up and measured loops stop early
// once budget_ms is spent (at least one sample). Same rules as TimedLoop.java and run_v8.mjs.
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

public class RunGraalWasm {

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: java RunGraalWasm.java <module.wasm> <n> <warmup> <warmup_ms> <iterations> <budget_ms>");
            System.exit(2);
        }
        byte[] wasm = Files.readAllBytes(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        long warmupNs = Long.parseLong(args[3]) * 1_000_000L;
        int iterations = Math.max(1, Integer.parseInt(args[4]));
        long budgetNs = Long.parseLong(args[5]) * 1_000_000L;

        try (Engine engine = Engine.create("wasm");
                Context context = Context.newBuilder("wasm").engine(engine).build()) {
            Value module = context.eval(Source.newBuilder("wasm", ByteSequence.create(wasm), "bench").build());
            // No _start: instantiation alone does not run main.
            Value kernel = module.newInstance(stubs(functionImports(wasm)))
                    .getMember("exports").getMember("bench_kernel");
            if (kernel == null || !kernel.canExecute()) {
                throw new IllegalStateException(args[0] + " does not export bench_kernel");
            }

            int checksum = 0;
            int warmed = 0;
            long start = System.nanoTime();
            for (long t = 0; (warmed < warmup || t < warmupNs) && t < budgetNs; t = System.nanoTime() - start) {
                checksum = kernel.execute(n).asInt();
                warmed++;
            }
            List<Long> samples = new ArrayList<>();
            start = System.nanoTime();
            while (samples.size() < iterations && (samples.isEmpty() || System.nanoTime() - start < budgetNs)) {
                long t0 = System.nanoTime();
                int c = kernel.execute(n).asInt();
                samples.add(System.nanoTime() - t0);
                if ((warmed > 0 || samples.size() > 1) && c != checksum) {
                    throw new IllegalStateException("checksum changed between calls: " + checksum + " then " + c);
                }
                checksum = c;
            }
            StringJoiner ns = new StringJoiner(",", "[", "]");
            samples.forEach(s -> ns.add(Long.toString(s)));
            System.out.println("{\"checksum\":" + checksum + ",\"warmup\":" + warmed + ",\"samples_ns\":" + ns
                    + ",\"runtime\":\"" + engine.getImplementationName() + "\"}");
        }
    }

    /** {module: {name: stub}} for every function import; a stub throws, naming the import. */
    private static ProxyObject stubs(List<String[]> imports) {
        Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();
        for (String[] imp : imports) {
            byModule.computeIfAbsent(imp[0], m -> new HashMap<>()).put(imp[1], (ProxyExecutable) a -> {
                throw new IllegalStateException("bench kernel called import " + imp[0] + "." + imp[1]);
            });
        }
        Map<String, Object> object = new HashMap<>();
        byModule.forEach((module, functions) -> object.put(module, ProxyObject.fromMap(functions)));
        return ProxyObject.fromMap(object);
    }

    /** The (module, name) pairs of the binary's import section; any non-function import is refused. */
    private static List<String[]> functionImports(byte[] wasm) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wasm));
        in.skipNBytes(8); // magic and version
        List<String[]> imports = new ArrayList<>();
        while (in.available() > 0) {
            int id = in.readUnsignedByte();
            int size = (int) leb(in);
            if (id != 2) {
                in.skipNBytes(size);
                continue;
            }
            for (long count = leb(in); count > 0; count--) {
                String module = name(in);
                String field = name(in);
                int kind = in.readUnsignedByte();
                if (kind != 0) {
                    throw new IllegalStateException("unsupported import kind " + kind + ": " + module + "." + field);
                }
                leb(in); // type index
                imports.add(new String[] {module, field});
            }
            break;
        }
        return imports;
    }

    private static String name(DataInputStream in) throws IOException {
        return new String(in.readNBytes((int) leb(in)), StandardCharsets.UTF_8);
    }

    private static long leb(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0;; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
