;; Imports __faasm_write_output with a third parameter the host interface does not have, and calls it.
;; WAVM refuses the module when it binds it (the import's type is not its intrinsic's); WAMR leaves the
;; native unlinked and traps when it is called. A host that ignored the type would write "hi".
(module
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hi")
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (call $write_output (i32.const 16) (i32.const 2) (i32.const 0))))
