;; A module that imports no WASI and exports __wasm_call_ctors, whose constructor counts its runs;
;; _start outputs "constructed Nx". Not hostile, but only a hand-written module comes without
;; wasi-libc's imports.
(module
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (memory (export "memory") 1)
  (global $runs (mut i32) (i32.const 0))
  (data (i32.const 16) "constructed ?x")
  (func (export "__wasm_call_ctors")
    (global.set $runs (i32.add (global.get $runs) (i32.const 1))))
  (func (export "_start")
    ;; The digit replaces the "?" at 16 + 12.
    (i32.store8 (i32.const 28) (i32.add (i32.const 48) (global.get $runs)))
    (call $write_output (i32.const 16) (i32.const 14))))
