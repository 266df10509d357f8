package org.faasm.conformance.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What the numbers depend on, recorded next to them. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> describe(String cc, String node) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        env.put("chicory", chicoryVersion());
        env.put("cc", String.valueOf(Processes.version(cc)));
        env.put("node", String.valueOf(Processes.version(node)));
        return env;
    }

    private static String chicoryVersion() {
        String resource = "/META-INF/maven/com.dylibso.chicory/runtime/pom.properties";
        try (InputStream in = com.dylibso.chicory.runtime.Instance.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the version is informational only
        }
        return "unknown";
    }
}
