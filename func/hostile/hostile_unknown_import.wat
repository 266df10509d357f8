;; Imports and calls a function no Faasm host has. WAVM refuses the module when it binds it; WAMR
;; links it lazily and traps when it is called.
(module
  (import "env" "__faasm_no_such_call" (func $missing (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (drop (call $missing (i32.const 7)))))
