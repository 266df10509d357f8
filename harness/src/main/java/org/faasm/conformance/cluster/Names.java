package org.faasm.conformance.cluster;

import java.util.regex.Pattern;

/** Users, functions and state keys as they may appear in a URL path: no separators, no traversal. */
final class Names {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private Names() {}

    static String check(String what, String value) throws HttpError {
        if (!SAFE.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new HttpError(400, "invalid " + what + " '" + value + "': use 1-128 of A-Z a-z 0-9 _ . - (not . or ..)");
        }
        return value;
    }
}
