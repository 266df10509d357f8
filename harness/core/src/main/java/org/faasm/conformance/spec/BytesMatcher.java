package org.faasm.conformance.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An expectation on a byte string: exact bytes, or a looser rule on its UTF-8 text. */
public sealed interface BytesMatcher {

    boolean matches(byte[] actual);

    /** What is expected, for messages and reports. */
    String describe();

    record Exact(byte[] expected) implements BytesMatcher {
        @Override
        public boolean matches(byte[] actual) {
            return Arrays.equals(expected, actual);
        }

        @Override
        public String describe() {
            return Bytes.describe(expected);
        }
    }

    record Prefix(String prefix) implements BytesMatcher {
        @Override
        public boolean matches(byte[] actual) {
            return text(actual).startsWith(prefix);
        }

        @Override
        public String describe() {
            return "starts with \"" + Bytes.escape(prefix) + '"';
        }
    }

    record Contains(String part) implements BytesMatcher {
        @Override
        public boolean matches(byte[] actual) {
            return text(actual).contains(part);
        }

        @Override
        public String describe() {
            return "contains \"" + Bytes.escape(part) + '"';
        }
    }

    record Regex(Pattern pattern) implements BytesMatcher {
        @Override
        public boolean matches(byte[] actual) {
            return pattern.matcher(text(actual)).matches();
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }
    }

    record Any() implements BytesMatcher {
        @Override
        public boolean matches(byte[] actual) {
            return true;
        }

        @Override
        public String describe() {
            return "anything";
        }
    }

    private static String text(byte[] actual) {
        return new String(actual, StandardCharsets.UTF_8);
    }
}
