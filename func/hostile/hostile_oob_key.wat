;; Passes a key pointer past the end of memory to the one host call that the input's first byte picks
;; (the calls func/oob_host_call.c leaves out): '0' conf_flag, '1' flag_state_offset_dirty,
;; '2' push_state_partial, '3' push_state_partial_mask. Each must fail the message; if the call
;; returns, the output says so.
(module
  (import "env" "__faasm_read_input" (func $read_input (param i32 i32) (result i32)))
  (import "env" "__faasm_write_output" (func $write_output (param i32 i32)))
  (import "env" "__faasm_conf_flag" (func $conf_flag (param i32) (result i32)))
  (import "env" "__faasm_flag_state_offset_dirty" (func $flag_state_offset_dirty (param i32 i32 i32 i32)))
  (import "env" "__faasm_push_state_partial" (func $push_state_partial (param i32)))
  (import "env" "__faasm_push_state_partial_mask" (func $push_state_partial_mask (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "the call returned\00")
  (data (i32.const 48) "oob_key\00")
  (func (export "__wasm_call_ctors"))
  (func (export "_start")
    ;; 64 bytes past the end of the one page of memory.
    (local $bad i32)
    (local.set $bad (i32.const 65600))
    (drop (call $read_input (i32.const 0) (i32.const 1)))
    (block $done
      (block $mask
        (block $partial
          (block $offset
            (block $flag
              (br_table $flag $offset $partial $mask $done (i32.sub (i32.load8_u (i32.const 0)) (i32.const 48))))
            (drop (call $conf_flag (local.get $bad)))
            (br $done))
          (call $flag_state_offset_dirty (local.get $bad) (i32.const 8) (i32.const 0) (i32.const 4))
          (br $done))
        (call $push_state_partial (local.get $bad))
        (br $done))
      (call $push_state_partial_mask (i32.const 48) (local.get $bad)))
    (call $write_output (i32.const 16) (i32.const 17))))
