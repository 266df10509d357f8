package org.faasm.conformance.certify;

import java.util.List;

/**
 * A README badge for a certificate, in the two-part style of shields.io: "faasm conformance" and the
 * profiles the host is conformant to (green when it is to all, orange when to some, red when to none).
 */
public final class Badge {
    private static final int CHAR_WIDTH = 7;
    private static final int PADDING = 10;

    private Badge() {}

    public static String svg(List<String> conformant, int profiles) {
        String label = "faasm conformance";
        String value = conformant.isEmpty() ? "none of " + profiles : conformant.size() == profiles ? String.join(" · ", conformant)
                : conformant.size() + "/" + profiles + ": " + String.join(" · ", conformant);
        String colour = conformant.isEmpty() ? "#e05d44" : conformant.size() == profiles ? "#4c1" : "#fe7d37";
        int left = label.length() * CHAR_WIDTH + PADDING;
        int right = value.length() * CHAR_WIDTH + PADDING;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">
                  <title>%s: %s</title>
                  <rect width="%d" height="20" fill="#555"/>
                  <rect x="%d" width="%d" height="20" fill="%s"/>
                  <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                    <text x="%d" y="14">%s</text>
                    <text x="%d" y="14">%s</text>
                  </g>
                </svg>
                """.formatted(left + right, label, escape(value), label, escape(value), left, left, right, colour,
                PADDING / 2, label, left + PADDING / 2, escape(value));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
