package org.faasm.conformance.report;

import java.util.regex.Pattern;

/**
 * Free text (a verdict's message, an engine error, a file name) made safe for a GitHub comment: one
 * line with its line breaks shown as {@code \n}, Markdown and HTML characters escaped so
 * {@code <scalar>} stays text, and no path of the machine that ran it ({@code /tmp/x/specs/io/a.yaml}
 * becomes {@code specs/io/a.yaml}; any other absolute path its last part).
 */
final class MarkdownText {
    private static final int MAX_CHARS = 200;
    private static final Pattern PROJECT_PATH = Pattern.compile("(?<![\\w.])(?:/[\\w.+@-]+)+?/(specs|wasm|reports|harness)/");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.])(?:/[\\w.+@-]+)+/([\\w.+@-]+)");
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]|~])");

    private MarkdownText() {}

    /** Escaped, without machine paths, one line, at most {@value #MAX_CHARS} characters of the text. */
    static String inline(String text) {
        String portable = withoutMachinePaths(text).replace("\r", "").replace("\n", "\\n");
        String cut = portable.length() > MAX_CHARS ? portable.substring(0, MAX_CHARS) + "…" : portable;
        return SPECIAL.matcher(cut.replace("&", "&amp;").replace("<", "&lt;")).replaceAll("\\\\$1");
    }

    /** For a code span: only the machine paths go ({@code `} cannot occur in the names it is used for). */
    static String withoutMachinePaths(String text) {
        String relative = PROJECT_PATH.matcher(text).replaceAll("$1/");
        return ABSOLUTE_PATH.matcher(relative).replaceAll("…/$1");
    }
}
