package org.faasm.conformance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.faasm.conformance.support.AtomicFiles;

/** Everything one bench run produced; serialised as-is to reports/bench.json. */
public record BenchReport(String schema, String createdAt, String mode, Map<String, String> environment,
        List<BenchSection> sections) {

    /** Bump when a field changes meaning; adding sections or fields does not need a bump. */
    public static final String SCHEMA = "faasm-conformance/bench/v1";

    public void write(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] written = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        AtomicFiles.write(out, stream -> stream.write(written));
    }
}
