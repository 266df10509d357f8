;; An endless loop in the entry: no host call, no end. Every backend must stop it at the spec's deadline.
(module
  (memory (export "memory") 1)
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (loop $forever
      (br $forever))))
