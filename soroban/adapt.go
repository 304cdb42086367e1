package soroban

import "github.com/hostcrypto/hostcrypto/core"

// alias returns "soroban:<name>" forwarding to target with target's input
// unchanged.
func alias(name string, target *core.Func, layout string) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "soroban",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + ": as " + target.Name + " (Soroban " + name + ")",
		Output:   "as " + target.Name,
		OutLen:   target.OutputSize,
		Items:    target.ItemCount,
		Examples: target.Examples,
		Run: func(dst, in []byte) ([]byte, error) {
			return core.Execute(target, dst, in)
		},
	}
}

// reorder returns "soroban:<name>" whose input is target's with its arguments
// in Soroban's order: toTarget rearranges an input (same length, or an
// error), fromTarget rearranges target's examples.
func reorder(name string, target *core.Func, layout string, toTarget func([]byte) ([]byte, error), fromTarget func([]byte) []byte) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "soroban",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + " (Soroban " + name + ")",
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
			worst := false
			for _, e := range target.Examples() {
				if in := fromTarget(e.Input); in != nil {
					ex = append(ex, core.Example{Name: e.Name, Input: in, Worst: e.Worst})
					worst = worst || e.Worst
				}
			}
			// When the target's worst shape is one Soroban does not take
			// (a compressed key), the shapes left are the worst it takes.
			for i := range ex {
				ex[i].Worst = ex[i].Worst || !worst
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

// pkMsgSigToPkSigMsg turns pk (32) || msg || sig (64) into pk || sig || msg.
func pkMsgSigToPkSigMsg(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, core.Errorf(core.CodeMalformed, "soroban: verify_sig_ed25519 input is %d bytes, want pk (32) || msg || sig (64)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[:32]...)
	out = append(out, in[len(in)-64:]...)
	return append(out, in[32:len(in)-64]...), nil
}

// pkSigMsgToPkMsgSig is the inverse of pkMsgSigToPkSigMsg (examples).
func pkSigMsgToPkMsgSig(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[:32]...)
	out = append(out, in[96:]...)
	return append(out, in[32:96]...)
}

// pkHashSigToHashSigPk turns pk (65) || hash (32) || sig (64) into
// p256_verify_sec1_lows's hash || sig || pk; Soroban takes only the
// 65-byte uncompressed key.
func pkHashSigToHashSigPk(in []byte) ([]byte, error) {
	if len(in) != 65+32+64 || in[0] != 4 {
		return nil, core.Errorf(core.CodeMalformed, "soroban: verify_sig_ecdsa_secp256r1 input is %d bytes, want pk (65, 0x04 || x || y) || hash (32) || sig (64)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[65:]...)
	return append(out, in[:65]...), nil
}

// hashSigPkToPkHashSig is the inverse of pkHashSigToHashSigPk (examples);
// nil (example skipped) for a compressed key, which Soroban does not take.
func hashSigPkToPkHashSig(in []byte) []byte {
	if len(in) != 96+65 {
		return nil
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[96:]...)
	return append(out, in[:96]...)
}
