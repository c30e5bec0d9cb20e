;; The WebAssembly half of json-skip.ts: the two bracket-balancing loops, the
;; same as continueValueJs and valueStartJs there, over the bytes of a memory
;; (an import: one instance per memory), either the text itself or a chunk of
;; it copied there, the state carried from one chunk's call to the next.
;;
;; This is the source of the bytes in json-skip-wasm.generated.ts. After
;; changing it, run `npm run gen:wasm` (assembles it with wabt's wat2wasm);
;; test/plan/json-skip-wat.test.ts fails while the two differ, and the
;; property tests compare both loops with the JavaScript ones.
;;
;; Bytes: 34 '"', 92 '\', 123 '{', 125 '}', 91 '[', 93 ']'.
;; Positions are byte offsets in the memory; -1 means "not found".
(module
  (import "env" "memory" (memory 0))

  ;; Where a scan stopped when the bytes ran out, so that the next chunk's
  ;; call goes on from there (JavaScript reads and sets them before each
  ;; call): continueValue's, or valueStart's ($depth and $inString).
  (global $depth (mut i32) (i32.const 0))
  (global $inString (mut i32) (i32.const 0))
  (global $escaped (mut i32) (i32.const 0))

  ;; Goes back from $i (a value's last byte, or where the previous chunk's
  ;; call stopped, with the state in the globals) towards the value's opening
  ;; bracket: its position, or -1 when $i reaches $limit first (the globals
  ;; then hold the state: $depth open brackets, $inString when between a
  ;; string's closing quote and its opening one). A string is skipped whole,
  ;; back to the quote that an even number of backslashes precede; they are
  ;; counted down to $floor, the first byte the memory holds of the text: a
  ;; run of backslashes that reaches it gives -2 (JavaScript then rescans
  ;; the whole text, which can count them).
  (func $valueStart (export "valueStart") (param $i i32) (param $limit i32) (param $floor i32) (result i32)
    (local $d i32) (local $s i32) (local $c i32) (local $k i32)
    (local.set $d (global.get $depth))
    (local.set $s (global.get $inString))
    (loop $next
      (if (i32.le_s (local.get $i) (local.get $limit))
        (then
          (global.set $depth (local.get $d))
          (global.set $inString (local.get $s))
          (return (i32.const -1))))
      (local.set $c (i32.load8_u (local.get $i)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (if (local.get $s)
        (then
          (br_if $next (i32.ne (local.get $c) (i32.const 34)))
          ;; A quote: count the backslashes before it ($k stops on the first other byte).
          (local.set $k (local.get $i))
          (block $counted
            (loop $backslashes
              (if (i32.lt_s (local.get $k) (local.get $floor))
                (then (return (i32.const -2))))
              (br_if $counted (i32.ne (i32.load8_u (local.get $k)) (i32.const 92)))
              (local.set $k (i32.sub (local.get $k) (i32.const 1)))
              (br $backslashes)))
          ;; An even number: the string's opening quote.
          (if (i32.eqz (i32.and (i32.sub (local.get $i) (local.get $k)) (i32.const 1)))
            (then (local.set $s (i32.const 0))))
          (br $next)))
      ;; Outside strings a quote closes one.
      (if (i32.eq (local.get $c) (i32.const 34))
        (then
          (local.set $s (i32.const 1))
          (br $next)))
      (if (i32.or (i32.eq (local.get $c) (i32.const 125)) (i32.eq (local.get $c) (i32.const 93)))
        (then
          (local.set $d (i32.add (local.get $d) (i32.const 1)))
          (br $next)))
      (if (i32.or (i32.eq (local.get $c) (i32.const 123)) (i32.eq (local.get $c) (i32.const 91)))
        (then
          (local.set $d (i32.sub (local.get $d) (i32.const 1)))
          (if (i32.eqz (local.get $d))
            (then
              (global.set $depth (local.get $d))
              (global.set $inString (local.get $s))
              (return (i32.add (local.get $i) (i32.const 1)))))))
      (br $next))
    unreachable)

  ;; Goes on with a value's scan from $i, with the state in the globals, up to
  ;; $end: just past the value's end, or -1 when the bytes end first. Either
  ;; way the globals hold the state where it stopped. The state lives in
  ;; locals inside the loop (globals are slower) and is saved on each return.
  (func $continueValue (export "continueValue") (param $i i32) (param $end i32) (result i32)
    (local $d i32) (local $s i32) (local $e i32) (local $c i32)
    (local.set $d (global.get $depth))
    (local.set $s (global.get $inString))
    (local.set $e (global.get $escaped))
    (loop $next
      (if (i32.ge_u (local.get $i) (local.get $end))
        (then
          (global.set $depth (local.get $d))
          (global.set $inString (local.get $s))
          (global.set $escaped (local.get $e))
          (return (i32.const -1))))
      (local.set $c (i32.load8_u (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (local.get $s)
        (then
          (if (local.get $e)
            (then
              (local.set $e (i32.const 0))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 92))
            (then
              (local.set $e (i32.const 1))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 34))
            (then
              (local.set $s (i32.const 0))
              ;; A string that is the value itself ends it.
              (if (i32.eqz (local.get $d))
                (then
                  (global.set $depth (local.get $d))
                  (global.set $inString (local.get $s))
                  (global.set $escaped (local.get $e))
                  (return (local.get $i))))))
          (br $next)))
      (if (i32.eq (local.get $c) (i32.const 34))
        (then
          (local.set $s (i32.const 1))
          (br $next)))
      (if (i32.or (i32.eq (local.get $c) (i32.const 123)) (i32.eq (local.get $c) (i32.const 91)))
        (then
          (local.set $d (i32.add (local.get $d) (i32.const 1)))
          (br $next)))
      (if (i32.or (i32.eq (local.get $c) (i32.const 125)) (i32.eq (local.get $c) (i32.const 93)))
        (then
          (local.set $d (i32.sub (local.get $d) (i32.const 1)))
          (if (i32.eqz (local.get $d))
            (then
              (global.set $depth (local.get $d))
              (global.set $inString (local.get $s))
              (global.set $escaped (local.get $e))
              (return (local.get $i))))))
      (br $next))
    unreachable)

  (export "depth" (global $depth))
  (export "inString" (global $inString))
  (export "escaped" (global $escaped)))
