package dispatch

import (
	"runtime"

	"github.com/klauspost/cpuid/v2"
)

// Report describes the machine for benchmark files and `hostcrypto cpu`.
// It comes from github.com/klauspost/cpuid/v2 and is informational only:
// no dispatch decision reads it.
type Report struct {
	GOOS          string    `json:"goos"`
	GOARCH        string    `json:"goarch"`
	Brand         string    `json:"brand"`
	Vendor        string    `json:"vendor"`
	Family        int       `json:"family"`
	Model         int       `json:"model"`
	Stepping      int       `json:"stepping"`
	X86Level      int       `json:"x86_64_level,omitempty"`
	PhysicalCores int       `json:"physical_cores"`
	LogicalCores  int       `json:"logical_cores"`
	CacheL1D      int       `json:"cache_l1d_bytes"`
	CacheL1I      int       `json:"cache_l1i_bytes"`
	CacheL2       int       `json:"cache_l2_bytes"`
	CacheL3       int       `json:"cache_l3_bytes"`
	HzHint        int64     `json:"hz_hint,omitempty"`
	Features      []Feature `json:"features"`
	GoVersion     string    `json:"go_version"`
}

// MachineReport reads the machine description.
func MachineReport() Report {
	c := cpuid.CPU
	return Report{
		GOOS:          runtime.GOOS,
		GOARCH:        runtime.GOARCH,
		Brand:         c.BrandName,
		Vendor:        c.VendorString,
		Family:        c.Family,
		Model:         c.Model,
		Stepping:      c.Stepping,
		X86Level:      c.X64Level(),
		PhysicalCores: c.PhysicalCores,
		LogicalCores:  c.LogicalCores,
		CacheL1D:      c.Cache.L1D,
		CacheL1I:      c.Cache.L1I,
		CacheL2:       c.Cache.L2,
		CacheL3:       c.Cache.L3,
		HzHint:        c.Hz,
		Features:      Features(),
		GoVersion:     runtime.Version(),
	}
}
