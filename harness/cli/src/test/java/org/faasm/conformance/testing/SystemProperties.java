package org.faasm.conformance.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The suite reads its settings from system properties; sets them for one nested run only. */
public final class SystemProperties {
    private SystemProperties() {}

    public static <T> T with(Map<String, String> properties, Supplier<T> body) {
        Map<String, String> saved = new HashMap<>();
        properties.forEach((key, value) -> saved.put(key, System.setProperty(key, value)));
        try {
            return body.get();
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
