package org.faasm.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    @TempDir
    Path specs;

    private Path write(String name, String yaml) throws IOException {
        Path file = specs.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void loadsAValidSpecWithItsPathAsId() throws Exception {
        Path file = write("io/echo.yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                input: {hex: "00ff"}
                given:
                  state: {k: {text: "v"}}
                expect:
                  returnValue: 0
                  output: {prefix: "he"}
                  chained:
                    - {ptr: 1, returnValue: 3}
                  state: {k: {absent: true}}
                tags: [io]
                """);
        Spec spec = new SpecLoader(specs).load(file);
        assertThat(spec.id()).isEqualTo("io/echo");
        assertThat(spec.input()).containsExactly(0x00, 0xff);
        assertThat(spec.givenState()).containsKey("k");
        assertThat(spec.expect().output().orElseThrow().matches(Bytes.utf8("hello"))).isTrue();
        assertThat(spec.expect().chained().orElseThrow()).singleElement()
                .satisfies(call -> assertThat(call.ptr()).contains(1));
        assertThat(spec.expect().state().get("k").value()).isEmpty();
    }

    @Test
    void readsSourcesPerVmResultsAndDiagnostics() throws Exception {
        Spec spec = new SpecLoader(specs).load(write("trap/div.yaml", """
                spec: 1
                source:
                  - "faasm:src/wavm/WAVMWasmModule.cpp:927-941 WAVM catches the trap"
                  - "harness: the engine's text"
                function: trap_divzero
                expect:
                  returnValue: 1
                  output: {text: "Call failed (return value=1)"}
                vm:
                  wamr:
                    output: {regex: "Task [0-9]+ threw exception.*"}
                diagnostics:
                  trap: {contains: "divide by zero"}
                """));
        assertThat(spec.citations()).containsExactly("faasm:src/wavm/WAVMWasmModule.cpp:927-941 WAVM catches the trap",
                "harness: the engine's text");
        assertThat(spec.diagnostics().trap()).isPresent();
        byte[] threw = Bytes.utf8("Task 7 threw exception. What: Error executing WASM function with WAMR");
        assertThat(spec.expectOn(FaasmVm.WAMR).output().orElseThrow().matches(threw)).isTrue();
        assertThat(spec.expectOn(FaasmVm.WAMR).returnValue()).contains(1);
        assertThat(spec.expectOn(FaasmVm.WAVM).output().orElseThrow().matches(threw)).isFalse();
    }

    @Test
    void aSpecWithoutSourceIsAnError() throws Exception {
        Path file = write("nosource.yaml", "spec: 1\nfunction: echo\nexpect: {returnValue: 0}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.getMessage()).contains("source"));
    }

    @Test
    void aSourceMustNameAFaasmRepositoryOrTheHarness() throws Exception {
        Path file = write("vague.yaml", "spec: 1\nsource: \"somewhere in Faasm\"\nfunction: echo\nexpect: {returnValue: 0}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::field).contains("/source"));
    }

    @Test
    void theNormativePartCannotAssertAHostCallNameOrAnEngineTrapText() throws Exception {
        for (String matcher : new String[] {"{contains: \"__faasm_read_input\"}", "{text: \"integer divide by zero\"}",
                "{regex: \"out of bounds.*\"}"}) {
            Path file = write("engine.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\n"
                    + "expect:\n  chained:\n    - {function: echo, output: " + matcher + "}\n");
            assertThatThrownBy(() -> new SpecLoader(specs).load(file)).as(matcher)
                    .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                            .extracting(SpecLoadError::field).anyMatch(f -> f.startsWith("/expect/chained/0/output")));
        }
        Path diagnostic = write("diag.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\n"
                + "expect: {returnValue: 1}\ndiagnostics:\n  trap: {contains: \"__faasm_read_input\"}\n");
        assertThat(new SpecLoader(specs).load(diagnostic).diagnostics().trap()).isPresent();
    }

    @Test
    void placementDefaultsToTheBackendAndInPlace() throws Exception {
        Spec spec = new SpecLoader(specs).load(write("plain.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 0}\n"));
        assertThat(spec.placement()).isEqualTo(Placement.DEFAULT);
        assertThat(spec.requires()).doesNotContain(Capability.BROWSER_ENTRY);
    }

    @Test
    void aBrowserEntryRequiresBrowserEntry() throws Exception {
        Spec spec = new SpecLoader(specs).load(write("cross.yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                placement: {entry: browser, chained: cluster}
                requires: [chain-ptr]
                expect: {returnValue: 0}
                """));
        assertThat(spec.placement().entry()).contains(Placement.Entry.BROWSER);
        assertThat(spec.placement().chained()).isEqualTo(Placement.Chained.CLUSTER);
        assertThat(spec.requires()).containsExactlyInAnyOrder(Capability.CHAIN_PTR, Capability.BROWSER_ENTRY);
    }

    @Test
    void anUnknownPlacementIsASchemaError() throws Exception {
        Path file = write("where.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nplacement: {entry: moon}\nexpect: {returnValue: 0}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::field).contains("/placement/entry"));
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        Path file = write("bad.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 0\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining("bad.yaml:")
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void unknownFieldNamesLineAndField() throws Exception {
        Path file = write("typo.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect:\n  returnValu: 0\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(5);
                    assertThat(error.field()).isEqualTo("/expect/returnValu");
                }));
    }

    @Test
    void wrongTypeAndMissingFieldsAreReported() throws Exception {
        Path file = write("types.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: Echo!\ninput: {text: 3, hex: zz}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::field)
                        .contains("/function", "/input", ""));
    }

    @Test
    void semanticErrorsNameTheField() throws Exception {
        Path file = write("regex.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\ninput: {file: nowhere.bin}\nexpect:\n  output: {regex: \"(\"}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::field)
                        .containsExactly("/input/file", "/expect/output/regex"));
    }

    @Test
    void filesAreSeededAndExpectedByGuestPathAndRequireTheFilesCapability() throws Exception {
        Path file = write("files.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\n"
                + "given:\n  files:\n    /data/in.txt: {text: hi}\n    faasm://shared/a: {hex: \"00ff\"}\n"
                + "expect:\n  files:\n    /data/out.txt: {prefix: x}\n    /data/in.txt: {absent: true}\n");
        Spec spec = new SpecLoader(specs).load(file);
        assertThat(spec.givenFiles()).containsOnlyKeys("/data/in.txt", "faasm://shared/a");
        assertThat(spec.givenFiles().get("faasm://shared/a")).containsExactly(0x00, 0xff);
        assertThat(spec.expect().files()).containsOnlyKeys("/data/out.txt", "/data/in.txt");
        assertThat(spec.expect().files().get("/data/in.txt").value()).isEmpty();
        assertThat(spec.requires()).contains(Capability.FILES);
    }

    @Test
    void aFilePathWrittenTwoWaysIsAnErrorNamingIt() throws Exception {
        Path file = write("paths.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\n"
                + "given:\n  files:\n    /data/../in.txt: {text: hi}\n    /faasm:/x: {text: hi}\nexpect: {returnValue: 0}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::message)
                        .anySatisfy(m -> assertThat(m).contains("'/data/../in.txt'", "'.'"))
                        .anySatisfy(m -> assertThat(m).contains("'/faasm:/x'", "faasm://")));
        Path relative = write("relative.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\n"
                + "given:\n  files:\n    relative.txt: {text: hi}\nexpect: {returnValue: 0}\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(relative))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("relative.txt")));
    }

    @Test
    void oneBadSpecDoesNotStopTheOthers() throws Exception {
        write("a/good.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 0}\n");
        write("a/bad.yaml", "spec: 2\nfunction: echo\nexpect: {}\n");
        write("data/not-a-spec.yaml", "anything: [");
        SpecCatalog catalog = SpecCatalog.load(specs);
        assertThat(catalog.specs()).extracting(Spec::id).containsExactly("a/good");
        assertThat(catalog.errors()).extracting(e -> e.file().getFileName().toString()).containsExactly("bad.yaml", "bad.yaml");
    }

    @Test
    void idsArePathsSoASpecCannotTakeAnothersPlace() throws Exception {
        Path good = write("a/good.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 0}\n");
        Path twin = write("a/good.yml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {returnValue: 1}\n");
        Path named = write("b/named.yaml", "spec: 1\nsource: \"harness: made in a test\"\nid: a/good\nfunction: echo\nexpect: {}\n");
        SpecCatalog catalog = SpecCatalog.load(specs);
        assertThat(catalog.specs()).singleElement().satisfies(spec -> assertThat(spec.source()).isEqualTo(good));
        assertThat(catalog.errors()).extracting(SpecLoadError::file).containsExactly(twin, named);
        assertThat(catalog.errors().get(0).message()).isEqualTo("duplicate spec id a/good, also the id of " + good);
        assertThat(catalog.errors().get(1)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("/id");
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void int32FieldsAreRangeCheckedNotTruncated() throws Exception {
        Path file = write("big.yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                expect:
                  returnValue: 4294967296
                  chained:
                    - {ptr: 2147483648, returnValue: -2147483649}
                    - {function: echo, returnValue: 99999999999999999999999}
                """);
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors())
                        .extracting(SpecLoadError::field, SpecLoadError::line)
                        .containsExactlyInAnyOrder(tuple("/expect/returnValue", 5), tuple("/expect/chained/0/ptr", 7),
                                tuple("/expect/chained/0/returnValue", 7), tuple("/expect/chained/1/returnValue", 8)));
        Path edge = write("edge.yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                expect:
                  returnValue: -2147483648
                  chained: [{ptr: 2147483647, returnValue: 2147483647}]
                """);
        Spec spec = new SpecLoader(specs).load(edge);
        assertThat(spec.expect().returnValue()).contains(Integer.MIN_VALUE);
        assertThat(spec.expect().chained().orElseThrow().get(0).ptr()).contains(Integer.MAX_VALUE);
    }

    @Test
    void aKeyGivenTwiceIsAnErrorOnItsLine() throws Exception {
        Path file = write("twice.yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                expect: {output: {text: "a"}}
                expect: {output: {any: true}}
                """);
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(5);
                    assertThat(error.message()).contains("malformed YAML", "expect");
                }));
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorOnItsLine() throws Exception {
        Path file = specs.resolve("latin1.yaml");
        Files.write(file, "spec: 1\nsource: \"harness: made in a test\"\nsummary: caf\u00e9\nfunction: echo\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.toString()).startsWith(file + ":3: not UTF-8: byte 0xe9");
                }));
    }

    @Test
    void selectorMatchesGlobsAndTags() throws Exception {
        write("chain/one.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {}\ntags: [chaining]\n");
        write("io/two.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\nexpect: {}\ntags: [io]\n");
        SpecCatalog catalog = SpecCatalog.load(specs);
        assertThat(new SpecSelector(java.util.List.of("chain/*"), java.util.List.of()).select(catalog.specs()))
                .extracting(Spec::id).containsExactly("chain/one");
        assertThat(new SpecSelector(java.util.List.of(), java.util.List.of("io")).select(catalog.specs()))
                .extracting(Spec::id).containsExactly("io/two");
    }
}
