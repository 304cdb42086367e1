package convert

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestNum(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // "" = error
	}{
		{`"0"`, "0"}, {`"123"`, "123"}, {`123`, "123"}, {`"0x1f"`, "31"}, {`" 7 "`, "7"},
		{`"-1"`, ""}, {`"1e3"`, ""}, {`"0b1"`, ""}, {`""`, ""}, {`null`, ""}, {`"12a"`, ""},
		{`"0x` + strings.Repeat("f", 64) + `"`, "115792089237316195423570985008687907853269984665640564039457584007913129639935"},
		{`"0x1` + strings.Repeat("0", 64) + `"`, ""},
	} {
		v, err := num(json.RawMessage(c.in), "x")
		switch {
		case c.want == "" && err == nil:
			t.Errorf("num(%s) = %v, want error", c.in, v)
		case c.want != "" && (err != nil || v.String() != c.want):
			t.Errorf("num(%s) = %v, %v, want %s", c.in, v, err, c.want)
		case err != nil && !errors.Is(err, ErrMalformed):
			t.Errorf("num(%s): error %v is not ErrMalformed", c.in, err)
		}
	}
}

func TestPoints(t *testing.T) {
	b, err := g1(nil, json.RawMessage(`["0","1","0"]`), "p")
	if err != nil || len(b) != 64 || strings.Trim(string(b), "\x00") != "" {
		t.Errorf("G1 infinity: %x %v", b, err)
	}
	if _, err := g1(nil, json.RawMessage(`["1","2","3"]`), "p"); err == nil {
		t.Error("projective G1 accepted")
	}
	b, err = g1(nil, json.RawMessage(`["1","2","1"]`), "p")
	if err != nil || b[31] != 1 || b[63] != 2 {
		t.Errorf("G1: %x %v", b, err)
	}
	b, err = g2(nil, json.RawMessage(`[["1","2"],["3","4"],["1","0"]]`), "q")
	if err != nil || b[31] != 2 || b[63] != 1 || b[95] != 4 || b[127] != 3 {
		t.Errorf("G2 must be x.c1 x.c0 y.c1 y.c0: %x %v", b, err)
	}
	b, err = g2(nil, json.RawMessage(`[["0","0"],["1","0"],["0","0"]]`), "q")
	if err != nil || len(b) != 128 || strings.Trim(string(b), "\x00") != "" {
		t.Errorf("G2 infinity: %x %v", b, err)
	}
	for _, bad := range []string{`[["1","2"],["3","4"],["2","0"]]`, `[["1"],["3","4"],["1","0"]]`, `{"x":1}`, `[1,2,3]`} {
		if _, err := g2(nil, json.RawMessage(bad), "q"); err == nil {
			t.Errorf("G2 %s accepted", bad)
		}
	}
}

func TestCounts(t *testing.T) {
	vk := `{"protocol":"groth16","curve":"bn128","nPublic":1,
	  "vk_alpha_1":["1","2","1"],"vk_beta_2":[["1","2"],["3","4"],["1","0"]],
	  "vk_gamma_2":[["1","2"],["3","4"],["1","0"]],"vk_delta_2":[["1","2"],["3","4"],["1","0"]],
	  "IC":[["1","2","1"],["1","2","1"]]}`
	pr := `{"pi_a":["1","2","1"],"pi_b":[["1","2"],["3","4"],["1","0"]],"pi_c":["1","2","1"],"protocol":"groth16"}`
	in, err := SnarkjsGroth16([]byte(vk), []byte(pr), []byte(`["5"]`))
	if err != nil || len(in) != 64+3*128+4+2*64+256+32 {
		t.Fatalf("%d bytes, %v", len(in), err)
	}
	for _, pub := range []string{`[]`, `["5","6"]`, `{}`, `["x"]`} {
		if _, err := SnarkjsGroth16([]byte(vk), []byte(pr), []byte(pub)); err == nil {
			t.Errorf("public %s accepted", pub)
		}
	}
	if _, err := SnarkjsPlonk([]byte(vk), []byte(pr), []byte(`["5"]`)); err == nil {
		t.Error("Groth16 key accepted as PLONK")
	}
}

func TestGnarkSections(t *testing.T) {
	got, err := GnarkSections([]byte{1, 2, 3}, []byte("0xaabb\n"), []byte("0c"))
	want := []byte{0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 2, 0xaa, 0xbb, 0, 0, 0, 1, 0x0c}
	if err != nil || string(got) != string(want) {
		t.Fatalf("%x %v", got, err)
	}
	if _, err := GnarkSections(nil, []byte{1}, []byte{1}); err == nil {
		t.Fatal("empty section accepted")
	}
}
