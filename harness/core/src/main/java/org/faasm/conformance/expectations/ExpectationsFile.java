package org.faasm.conformance.expectations;

import java.util.List;

/** Writes a new expectations file: a header saying how it is kept, then the entries, every string quoted. */
public final class ExpectationsFile {
    private ExpectationsFile() {}

    public static String render(String backend, List<Entry> entries) {
        StringBuilder yaml = new StringBuilder()
                .append("# Specs the ").append(backend).append(" backend is known to fail (XFAIL) or must not run (SKIP), and why.\n")
                .append("# Schema: harness/core/src/main/resources/schema/expectations-v1.schema.json. Rewritten by\n")
                .append("# `faasm-conformance expectations --from reports/report.json`, which edits the entries in place.\n");
        if (entries.isEmpty()) {
            return yaml.append("expectations: []\n").toString();
        }
        yaml.append("expectations:\n");
        entries.forEach(entry -> yaml.append(entry(entry, "  ")));
        return yaml.toString();
    }

    /** One entry as block YAML, its dash at {@code indent}. */
    static String entry(Entry entry, String indent) {
        StringBuilder yaml = new StringBuilder()
                .append(indent).append("- spec: ").append(quote(entry.spec())).append('\n')
                .append(indent).append("  status: ").append(entry.status()).append('\n')
                .append(indent).append("  reason: ").append(quote(entry.reason())).append('\n');
        entry.link().ifPresent(link -> yaml.append(indent).append("  link: ").append(quote(link)).append('\n'));
        return yaml.toString();
    }

    /** A YAML double-quoted scalar; JSON's escapes are valid there. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
