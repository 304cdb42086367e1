// Package dispatch reads the CPU's features once at start-up, keeps the
// registry of every primitive's implementations, and chooses one per
// primitive: the available implementation with the highest priority, unless
// a test, a fuzzer, the CLI or the HOSTCRYPTO_BACKEND environment variable
// forces another.
//
// Hot paths never consult the registry per call: a primitive registers an
// OnSelect callback that stores the choice in a plain package-level variable,
// and the kernel dispatches on it with an ordinary if/switch.
package dispatch

import (
	"runtime"

	"github.com/klauspost/cpuid/v2"
	"golang.org/x/sys/cpu"
)

// X86 holds the amd64 features the kernels dispatch on, read once from
// golang.org/x/sys/cpu (SHA-NI from cpuid). All false on other
// architectures.
var X86 = struct {
	HasADX, HasBMI2, HasAVX2, HasAVX512F, HasAVX512IFMA, HasAVX512VL, HasSHANI bool
}{
	HasADX:        cpu.X86.HasADX,
	HasBMI2:       cpu.X86.HasBMI2,
	HasAVX2:       cpu.X86.HasAVX2,
	HasAVX512F:    cpu.X86.HasAVX512F,
	HasAVX512IFMA: cpu.X86.HasAVX512IFMA,
	HasAVX512VL:   cpu.X86.HasAVX512VL,
	// x/sys/cpu does not expose SHA-NI; cpuid reads the same CPUID leaf.
	HasSHANI: runtime.GOARCH == "amd64" && cpuid.CPU.Supports(cpuid.SHA),
}

// ARM64 holds the arm64 features, read once from golang.org/x/sys/cpu.
var ARM64 = struct {
	HasASIMD, HasPMULL, HasSHA2 bool
}{
	HasASIMD: cpu.ARM64.HasASIMD,
	HasPMULL: cpu.ARM64.HasPMULL,
	HasSHA2:  cpu.ARM64.HasSHA2,
}

// Feature is one named CPU feature and whether this machine has it.
type Feature struct {
	Name string `json:"name"`
	Has  bool   `json:"has"`
}

// Features lists the features relevant on this architecture, in a fixed order.
func Features() []Feature {
	switch runtime.GOARCH {
	case "amd64":
		return []Feature{
			{"adx", X86.HasADX}, {"bmi2", X86.HasBMI2}, {"avx2", X86.HasAVX2},
			{"avx512f", X86.HasAVX512F}, {"avx512ifma", X86.HasAVX512IFMA},
			{"avx512vl", X86.HasAVX512VL}, {"sha-ni", X86.HasSHANI},
		}
	case "arm64":
		return []Feature{{"asimd", ARM64.HasASIMD}, {"pmull", ARM64.HasPMULL}, {"sha2", ARM64.HasSHA2}}
	}
	return nil
}

// HasFeature reports whether the named feature (as Features names it) is present.
func HasFeature(name string) bool {
	for _, f := range Features() {
		if f.Name == name {
			return f.Has
		}
	}
	return false
}
