package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** std::stoi as libstdc++ parses a pointer call's input (cppreference: std::stoi, std::strtol). */
class StoiTest {

    @Test
    void whiteSpaceThenASignThenAsManyDigitsAsThereAre() {
        assertThat(Stoi.parse("42")).isEqualTo(42);
        assertThat(Stoi.parse(" \t\n\u000B\f\r7")).isEqualTo(7);
        assertThat(Stoi.parse("+5")).isEqualTo(5);
        assertThat(Stoi.parse("-5x")).isEqualTo(-5);
        assertThat(Stoi.parse("09")).isEqualTo(9);
        assertThat(Stoi.parse("12/3")).as("'/' is just below '0'").isEqualTo(12);
        assertThat(Stoi.parse("12:3")).as("':' is just above '9'").isEqualTo(12);
        assertThat(Stoi.parse("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void noDigitsOrAValueOutsideIntIsStoisError() {
        for (String text : new String[] {"", "  ", "+", "-", "x1", " +-1", "2147483648", "/", ":"}) {
            assertThatThrownBy(() -> Stoi.parse(text)).as("'%s'", text).isInstanceOf(HostError.class).hasMessageContaining("stoi");
        }
    }
}
