package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserNameTest {

    @Test
    void namesTheMostSpecificBrowserOfTheUserAgent() {
        assertThat(BrowserName.of("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0").column())
                .isEqualTo("firefox-153.0");
        assertThat(BrowserName.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36")
                .column()).isEqualTo("headlesschrome-156.0.0.0");
        assertThat(BrowserName.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0"
                + " Safari/537.36 Edg/120.0.2210.91").column()).isEqualTo("edg-120.0.2210.91");
        assertThat(BrowserName.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2"
                + " Safari/605.1.15").column()).isEqualTo("safari-17.2");
    }

    @Test
    void anUnknownUserAgentStillMakesAColumn() {
        assertThat(BrowserName.of("curl/8.0").column()).isEqualTo("unknown-browser-0");
        assertThat(BrowserName.of("").column()).isEqualTo("unknown-browser-0");
    }
}
