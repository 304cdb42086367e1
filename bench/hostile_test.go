package bench

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

func TestHostileFromExamples(t *testing.T) {
	f := &core.Func{Name: "f", MaxInput: 100, Run: func(d, _ []byte) ([]byte, error) { return d, nil }}
	exs := []core.Example{{Name: "small", Input: bytes.Repeat([]byte{7}, 10), Worst: true},
		{Name: "big", Input: bytes.Repeat([]byte{7}, 40), Worst: true},
		{Name: "typical", Input: bytes.Repeat([]byte{7}, 60)}}
	got := map[string][]byte{}
	for _, ex := range HostileFromExamples(f, exs) {
		got[ex.Name] = ex.Input
	}
	if in := got["big/flip-last"]; len(in) != 40 || in[39] != 6 || in[0] != 7 {
		t.Errorf("flip-last: %x", in)
	}
	if in := got["big/flip-last-33"]; len(in) != 40 || in[7] != 6 {
		t.Errorf("flip-last-33: %x", in)
	}
	if in := got["big/truncated"]; len(in) != 39 {
		t.Errorf("truncated: %d bytes", len(in))
	}
	if in := got["big/padded-to-limit"]; len(in) != 100 || in[40] != 0 || in[39] != 7 {
		t.Errorf("padded: %x", in)
	}
	if exs[1].Input[39] != 7 {
		t.Error("the example was modified")
	}
}

func TestSummarise(t *testing.T) {
	rs := []HostileResult{
		{Function: "a", Input: "w1", Worst: true, Gas: 100, CPUNs: 10}, // 0.1
		{Function: "a", Input: "w2", Worst: true, Gas: 100, CPUNs: 20}, // 0.2
		{Function: "b", Input: "w", Worst: true, Gas: 100, CPUNs: 15},  // 0.15
		{Function: "a", Input: "h1", Gas: 100, CPUNs: 60},              // 0.6: 4x
		{Function: "a", Input: "h2", Gas: 100, CPUNs: 30},
		{Function: "b", Input: "h", Gas: 100, CPUNs: 15},
	}
	s := Summarise(rs)
	if s.Median != 0.15 || s.WorstMin != 0.1 || s.WorstMax != 0.2 {
		t.Fatalf("median %v min %v max %v", s.Median, s.WorstMin, s.WorstMax)
	}
	if len(s.Rows) != 2 || s.Rows[0].Function != "a" || s.Rows[0].Input != "h1" || math.Abs(s.Rows[0].Ratio-4) > 1e-9 {
		t.Fatalf("rows %+v", s.Rows)
	}
	var b strings.Builder
	s.Markdown(&b)
	if !strings.Contains(b.String(), "**over 3x**") || !strings.Contains(b.String(), "target <= 2.0: met") {
		t.Fatalf("markdown:\n%s", b.String())
	}
}
