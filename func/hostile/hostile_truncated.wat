;; A valid module that build.sh cuts to its first half (see there): what reaches the host ends in the
;; middle of a section.
(module
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "a module cut in half must never run\00")
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (call $write_output (i32.const 16) (i32.const 35))))
