package org.faasm.conformance.browser;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's name and version read from its User-Agent, for the column its results make: the first
 * product token that names a browser, most specific first (Edge and Opera also say Chrome, Chrome
 * also says Safari).
 *
 * @param product as the User-Agent spells it, e.g. {@code Firefox} or {@code HeadlessChrome}
 */
record BrowserName(String product, String version) {
    private static final List<String> PRODUCTS = List.of("Edg", "OPR", "Firefox", "HeadlessChrome", "Chromium", "Chrome", "Version");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9.]{0,31}");

    static BrowserName of(String userAgent) {
        for (String product : PRODUCTS) {
            Matcher token = Pattern.compile("\\b" + product + "/(" + VERSION.pattern() + ")").matcher(userAgent);
            if (token.find()) {
                // Safari says its version as Version/…
                return new BrowserName(product.equals("Version") ? "Safari" : product, token.group(1));
            }
        }
        return new BrowserName("unknown-browser", "0");
    }

    /** The column: e.g. {@code firefox-153.0}, {@code headlesschrome-156.0.0.0}. */
    String column() {
        return product.toLowerCase(Locale.ROOT) + "-" + version;
    }
}
