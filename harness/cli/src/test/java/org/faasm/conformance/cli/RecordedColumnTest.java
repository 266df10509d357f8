package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --record} keeps a backend's observations, and {@code faasm-wamr-recorded} replays them: judged like
 * any column, STALE once the spec's request changes, a SKIP for a spec never recorded. A jvm column stands in
 * for the real cluster here; the committed recordings under specs/recorded/ come from a real one.
 */
class RecordedColumnTest {

    @Test
    void aRecordingIsReplayedJudgedAndGoesStaleWhenItsRequestChanges(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text").copySpec("exit/exit_forty_two");
        Path recordings = root.resolve("specs/recorded/faasm-wamr");

        Cli.Result recorded = Cli.run("run", "--root", root.toString(), "--backend", "jvm-wamr", "--record", recordings.toString(),
                "--out", root.resolve("out").toString());
        assertThat(recorded.exit()).as(recorded.toString()).isZero();
        assertThat(recorded.out()).contains("Recorded 2 specs of jvm-wamr");
        assertThat(recordings.resolve("io/echo_text.json")).exists();
        assertThat(Files.readString(recordings.resolve("recorded.json"))).contains("\"backend\" : \"jvm-wamr\"", "--record");

        Cli.Result replayed = replay(root);
        assertThat(replayed.out()).contains("PASS    exit/exit_forty_two [faasm-wamr-recorded]", "PASS    io/echo_text [faasm-wamr-recorded]");
        assertThat(replayed.exit()).as(replayed.toString()).isZero();

        // What was recorded is what is judged: another output recorded is a failure of the recorded column.
        Path echo = recordings.resolve("io/echo_text.json");
        Files.writeString(echo, Files.readString(echo).replace("\"output\" : \"aGVsbG8gd29ybGQ=\"", "\"output\" : \"aGVsbG8=\""));
        Cli.Result edited = replay(root);
        assertThat(edited.out()).contains("FAIL    io/echo_text [faasm-wamr-recorded]");
        assertThat(edited.exit()).isEqualTo(1);

        project.write("specs/io/echo_text.yaml", Files.readString(root.resolve("specs/io/echo_text.yaml")).replace("hello world", "hello moon"));
        Files.delete(recordings.resolve("exit/exit_forty_two.json"));
        Cli.Result changed = replay(root);
        assertThat(changed.out()).contains("STALE   io/echo_text [faasm-wamr-recorded]", "the request (input, given state or files")
                .contains("SKIP    exit/exit_forty_two [faasm-wamr-recorded]", "not recorded on a real Faasm wamr cluster");
        assertThat(changed.exit()).as("STALE and SKIP do not fail the run").isZero();
    }

    @Test
    void recordingNeedsExactlyOneBackend(@TempDir Path root) throws Exception {
        new TempProject(root).copySpec("io/echo_text");
        Cli.Result refused = Cli.run("run", "--root", root.toString(), "--backend", "jvm-wamr", "--backend", "jvm-wavm", "--record",
                root.resolve("r").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--record keeps one backend's observations");
    }

    private static Cli.Result replay(Path root) {
        return Cli.run("run", "--root", root.toString(), "--backend", "faasm-wamr-recorded", "--out", root.resolve("out").toString());
    }
}
