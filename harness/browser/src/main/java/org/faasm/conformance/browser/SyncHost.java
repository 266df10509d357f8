package org.faasm.conformance.browser;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Our JavaScript host for a browser without JSPI, served under {@value #PREFIX}: each module as it is
 * with every {@code async} and {@code await} taken out (as Python's unasync makes a synchronous
 * library of an asynchronous one), so no host call returns a promise, and {@code blocking.mjs}
 * replaced by {@code blocking-sync.mjs}, whose requests are synchronous XMLHttpRequests. The host's
 * modules keep everything that truly waits behind blocking.mjs, so one source serves both paths.
 */
final class SyncHost {
    static final String PREFIX = "/sync";
    private static final Pattern MODULE = Pattern.compile(Pattern.quote(PREFIX) + "/([a-z0-9-]+\\.mjs)");
    /** {@code async} before a function, an arrow's parameters or a method's name. */
    private static final Pattern ASYNC = Pattern.compile("\\basync\\s+(?=function\\b|\\(|[A-Za-z_$][\\w$]*\\s*(?:\\(|=>))");
    private static final Pattern AWAIT = Pattern.compile("\\bawait\\s+");

    private SyncHost() {}

    /** Whether {@code path} names a module of the synchronous host. */
    static boolean serves(String path) {
        return MODULE.matcher(path).matches();
    }

    /** The resource under browser/ that {@code path} is made from. */
    static String source(String path) {
        String name = MODULE.matcher(path).replaceFirst("$1");
        return name.equals("blocking.mjs") ? "blocking-sync.mjs" : name;
    }

    /** The module at {@code path}, made from its resource's bytes. */
    static byte[] of(String path, byte[] resource) {
        String text = new String(resource, StandardCharsets.UTF_8);
        if (source(path).equals("blocking-sync.mjs")) {
            return resource;
        }
        return AWAIT.matcher(ASYNC.matcher(text).replaceAll("")).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }
}
