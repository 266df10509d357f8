package org.faasm.conformance.jvm;

/**
 * std::stoi as libstdc++ has it: leading white space, an optional sign, then as many digits as there
 * are; no digits throws std::invalid_argument and a value outside int throws std::out_of_range, both
 * with what() "stoi". Faasm parses a pointer call's input this way.
 */
final class Stoi {
    private Stoi() {}

    static int parse(String text) {
        int at = 0;
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        int start = at;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == digits) {
            throw new HostError("stoi");
        }
        try {
            return Integer.parseInt(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw new HostError("stoi");
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
