package dispatch

import (
	"runtime"
	"testing"
)

func TestRegistrySelection(t *testing.T) {
	var seen []string
	Register("test.prim", Impl{Name: "portable", Available: true, Priority: 0})
	Register("test.prim", Impl{Name: "fast", Available: true, Priority: 10})
	Register("test.prim", Impl{Name: "absent", Available: false, Priority: 20, Note: "no such CPU"})
	OnSelect("test.prim", func(s string) { seen = append(seen, s) })
	if got := Selected("test.prim"); got != "fast" {
		t.Fatalf("default = %q, want the best available, fast", got)
	}
	if err := Force("test.prim=portable"); err != nil {
		t.Fatal(err)
	}
	if got := Selected("test.prim"); got != "portable" {
		t.Fatalf("forced = %q", got)
	}
	if err := Force("test.prim=absent"); err == nil {
		t.Fatal("forcing an unavailable implementation succeeded")
	}
	if err := Force("test.prim=nosuch"); err == nil {
		t.Fatal("forcing an unknown implementation succeeded")
	}
	if err := Force("nosuchbackend"); err == nil {
		t.Fatal("forcing an unknown backend name succeeded")
	}
	// A bare name applies where implemented; "portable" is implemented here.
	Register("test.other", Impl{Name: "only", Available: true})
	if err := Force("portable"); err != nil {
		t.Fatal(err)
	}
	if Selected("test.prim") != "portable" || Selected("test.other") != "only" {
		t.Fatalf("global force: %q %q", Selected("test.prim"), Selected("test.other"))
	}
	if err := Force(""); err != nil {
		t.Fatal(err)
	}
	if got := Selected("test.prim"); got != "fast" {
		t.Fatalf("after reset = %q", got)
	}
	want := []string{"fast", "portable", "fast"}
	if len(seen) != len(want) {
		t.Fatalf("callbacks %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("callbacks %v, want %v", seen, want)
		}
	}
}

func TestParseSpec(t *testing.T) {
	s, err := ParseSpec(" gnark , pairing=blst,fieldmul = portable")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Global) != 1 || s.Global[0] != "gnark" || s.Per["pairing"] != "blst" || s.Per["fieldmul"] != "portable" {
		t.Fatalf("%+v", s)
	}
	if _, err := ParseSpec("pairing="); err == nil {
		t.Fatal("empty implementation accepted")
	}
}

func TestFeaturesAndReport(t *testing.T) {
	r := MachineReport()
	if r.GOARCH != runtime.GOARCH || r.LogicalCores < 1 && runtime.GOARCH == "amd64" {
		t.Fatalf("report %+v", r)
	}
	if runtime.GOARCH == "amd64" && len(Features()) == 0 {
		t.Fatal("no amd64 features listed")
	}
	for _, f := range Features() {
		if HasFeature(f.Name) != f.Has {
			t.Fatalf("HasFeature(%s) disagrees", f.Name)
		}
	}
}
