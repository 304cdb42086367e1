package secp256k1

import (
	"testing"

	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// BenchmarkRecoverRid: secp256k1_recover_rid against secp256k1_recover on
// the same signature (the same work on every implementation; the rid path
// only adds the output formatting).
func BenchmarkRecoverRid(b *testing.B) {
	in := recoverRidExamples()[0].Input
	var want []byte
	{
		out, err := st.Call(b, "secp256k1_recover", in)
		if err != nil {
			b.Fatal(err)
		}
		want = out
	}
	b.Run("recover_rid/vs-recover", func(b *testing.B) {
		Paired(b, st.Invoker(b, Secp256k1RecoverRid.Name, in, want), st.Invoker(b, "secp256k1_recover", in, want))
	})
}
