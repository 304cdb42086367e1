package near

import "github.com/hostcrypto/hostcrypto/core"

// alias returns "near:<name>" forwarding to target with target's input
// unchanged.
func alias(name string, target *core.Func, layout string) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "near",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + ": as " + target.Name + " (NEAR " + name + ")",
		Output:   "as " + target.Name,
		OutLen:   target.OutputSize,
		Items:    target.ItemCount,
		Examples: target.Examples,
		Run: func(dst, in []byte) ([]byte, error) {
			return core.Execute(target, dst, in)
		},
	}
}

// reorder returns "near:<name>" whose input is target's with its arguments
// in NEAR's order: toTarget rearranges an input (same length, or an
// error), fromTarget rearranges target's examples.
func reorder(name string, target *core.Func, layout string, toTarget func([]byte) ([]byte, error), fromTarget func([]byte) []byte) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "near",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + " (NEAR " + name + ")",
		Output:   "as " + target.Name,
		OutLen: func(in []byte) int {
			t, err := toTarget(in)
			if err != nil {
				return 0
			}
			return target.OutputSize(t)
		},
		Items: func(in []byte) uint64 {
			t, err := toTarget(in)
			if err != nil {
				return 0
			}
			return target.ItemCount(t)
		},
		Examples: func() []core.Example {
			var ex []core.Example
			for _, e := range target.Examples() {
				ex = append(ex, core.Example{Name: e.Name, Input: fromTarget(e.Input), Worst: e.Worst})
			}
			return ex
		},
		Run: func(dst, in []byte) ([]byte, error) {
			t, err := toTarget(in)
			if err != nil {
				return dst, err
			}
			return core.Execute(target, dst, t)
		},
	}
}

// sigMsgPkToPkSigMsg turns sig (64) || msg || pk (32) into pk || sig || msg.
func sigMsgPkToPkSigMsg(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, core.Errorf(core.CodeMalformed, "near: ed25519_verify input is %d bytes, want sig (64) || msg || pk (32)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[len(in)-32:]...)
	out = append(out, in[:64]...)
	return append(out, in[64:len(in)-32]...), nil
}

// pkSigMsgToSigMsgPk is the inverse of sigMsgPkToPkSigMsg (examples).
func pkSigMsgToSigMsgPk(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[32:96]...)
	out = append(out, in[96:]...)
	return append(out, in[:32]...)
}
