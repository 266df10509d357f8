;; Reads its whole input into memory grown to fit, however large, and outputs "read N bytes", where N
;; is what read_input returned (the host copies every byte into the guest).
(module
  (import "env" "__faasm_read_input" (func $read_input (param i32 i32) (result i32)))
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "read ")
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (local $size i32)
    (local $n i32)
    (local $addr i32)
    (local.set $size (call $read_input (i32.const 0) (i32.const 0)))
    ;; Room from 64 KiB on for the whole input.
    (drop (memory.grow (i32.add (i32.div_u (local.get $size) (i32.const 65536)) (i32.const 1))))
    (local.set $n (call $read_input (i32.const 65536) (local.get $size)))
    ;; "read " at 16, then N in decimal written backwards from 40 down, then " bytes" and a NUL.
    (local.set $addr (i32.const 40))
    (loop $digit
      (local.set $addr (i32.sub (local.get $addr) (i32.const 1)))
      (i32.store8 (local.get $addr) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $n)))
    (memory.copy (i32.sub (local.get $addr) (i32.const 5)) (i32.const 16) (i32.const 5))
    (i64.store (i32.const 40) (i64.const 0x0000736574796220))
    (call $write_output (i32.sub (local.get $addr) (i32.const 5)) (i32.sub (i32.const 46) (i32.sub (local.get $addr) (i32.const 5))))))
