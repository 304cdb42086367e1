package bench

import (
	"strings"
	"testing"
)

func TestRatiosFromGoBench(t *testing.T) {
	out := `goos: linux
BenchmarkMSM/bn254g1/64/native-2     100  2000 ns/op  1000 cpu-ns/op
BenchmarkMSM/bn254g1/64/native-2     100  1800 ns/op   900 cpu-ns/op
BenchmarkMSM/bn254g1/64/gnark-2      100  3000 ns/op  1500 cpu-ns/op
BenchmarkMSM/bls12381g1/64/native    100  3000 ns/op
BenchmarkMSM/bls12381g1/64/gnark     100  5000 ns/op
BenchmarkMSM/bls12381g1/64/blst      100  4000 ns/op
BenchmarkMSM/bls12381g1/128/native   100  3000 ns/op
BenchmarkOther/x                     100  3000 ns/op
PASS
`
	rows, err := ParseGoBench(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 {
		t.Fatalf("parsed %d rows, want 6 (repeats merged, other shapes dropped): %+v", len(rows), rows)
	}
	got := Ratios(rows, "native", []string{"gnark", "blst"})
	want := []RatioPoint{{"bls12381g1", 64, 0.75}, {"bn254g1", 64, 0.6}}
	if len(got) != len(want) {
		t.Fatalf("ratios %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Group != want[i].Group || got[i].N != want[i].N || got[i].Ratio < want[i].Ratio-1e-9 || got[i].Ratio > want[i].Ratio+1e-9 {
			t.Errorf("ratio %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	svg := PlotRatios("t", got, []float64{0.7})
	if !strings.HasPrefix(svg, "<svg") || strings.Count(svg, "<polyline") != 2 || !strings.Contains(svg, "target 0.70") {
		t.Errorf("plot: %s", svg)
	}
}
