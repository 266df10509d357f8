;; Asks for all of wasm32's 4 GiB at once, then grows 16 MiB at a time, touching each new page, until
;; memory.grow refuses; outputs how far it got. The host must refuse, not die.
(module
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "memory.grow refused at ")
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    (local $pages i32)
    (local $addr i32)
    (local $len i32)
    (drop (memory.grow (i32.const 65535)))
    (block $refused
      (loop $grow
        (br_if $refused (i32.eq (memory.grow (i32.const 256)) (i32.const -1)))
        ;; Touch the last byte of the new memory, so a lazily committing host has to commit it.
        (i32.store8 (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)) (i32.const 1))
        (br $grow)))
    ;; The page count in decimal after the text (at 16 + 23), then a NUL: WAVM's write_output reads a C string.
    (local.set $pages (memory.size))
    (local.set $len (call $digits (local.get $pages)))
    (local.set $addr (i32.add (i32.const 39) (local.get $len)))
    (i32.store8 (local.get $addr) (i32.const 0))
    (loop $write
      (local.set $addr (i32.sub (local.get $addr) (i32.const 1)))
      (i32.store8 (local.get $addr) (i32.add (i32.const 48) (i32.rem_u (local.get $pages) (i32.const 10))))
      (local.set $pages (i32.div_u (local.get $pages) (i32.const 10)))
      (br_if $write (i32.gt_u (local.get $addr) (i32.const 39))))
    (call $write_output (i32.const 16) (i32.add (i32.const 23) (local.get $len))))
  ;; How many decimal digits n has.
  (func $digits (param $n i32) (result i32)
    (local $count i32)
    (loop $more
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $more (local.get $n)))
    (local.get $count)))
