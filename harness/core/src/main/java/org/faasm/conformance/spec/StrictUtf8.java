package org.faasm.conformance.spec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a YAML file's bytes as UTF-8, refusing malformed bytes with the line they are on. */
final class StrictUtf8 {
    private StrictUtf8() {}

    static String decode(byte[] bytes) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new Malformed(lineAt(bytes, offset), "not UTF-8: byte 0x%02x at offset %d".formatted(bytes[offset] & 0xff, offset));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Bytes that are not UTF-8, and the line (from 1) where they start. */
    static final class Malformed extends Exception {
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
