;; Writes a 32 MiB output: 33554432 bytes of 'x', then a NUL (WAVM's write_output reads a C string;
;; WAMR's takes the length).
(module
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (memory (export "memory") 514)
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (memory.fill (i32.const 65536) (i32.const 120) (i32.const 33554432))
    (i32.store8 (i32.const 33619968) (i32.const 0))
    (call $write_output (i32.const 65536) (i32.const 33554432))))
