package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The process view Faasm gives every function: its argv and fixed environment (reference §1.5). */
final class FaasmEnvironment {
    /** faasm:src/wasm/WasmEnvironment.cpp */
    static final Map<String, String> VARIABLES = fixedVariables();

    private FaasmEnvironment() {}

    /** {@code function.wasm}, then the cmdline split on single spaces (so repeated spaces give empty args). */
    static List<String> argv(String cmdline) {
        List<String> argv = new ArrayList<>();
        argv.add("function.wasm");
        if (!cmdline.isEmpty()) {
            argv.addAll(Arrays.asList(cmdline.split(" ", -1)));
        }
        return argv;
    }

    private static Map<String, String> fixedVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("MKL_NUM_THREADS", "1");
        variables.put("OPENBLAS_NUM_THREADS", "1");
        variables.put("PYTHON_PATH", "/");
        variables.put("PYTHONHOME", "/");
        variables.put("PYTHONHASHSEED", "0");
        variables.put("PYTHONNOUSERSITE", "on");
        variables.put("PYTHONWASM", "1");
        return java.util.Collections.unmodifiableMap(variables);
    }
}
