package wasmtime

import (
	"encoding/binary"
	"io"
	"math/rand"

	wt "github.com/bytecodealliance/wasmtime-go/v39"
)

// DefineWASI defines, in l, the subset of wasi_snapshot_preview1 that Go's
// wasip1 port, clang's and rustc's reactors import, with the same
// deterministic environment wazero gives a module by default: no
// arguments, no environment, no preopened directories, stdio as block
// devices (as wazero shows writers that are not files), a fake wall clock starting at 2022-01-01T00:00:00Z and a
// monotonic clock starting at 0, each advancing 1 ms per reading, and
// random bytes from math/rand seeded with 42. A contract therefore takes
// the same path, and pays the same metered gas, on both engines (wasmtime's
// own WASI reads the real clock and entropy). Functions outside the subset
// return ENOSYS.
//
// stdout and stderr (nil: discard) receive fd_write on fds 1 and 2.
func DefineWASI(l *wt.Linker, store *wt.Store, stdout, stderr io.Writer) {
	d := DataOf(store)
	d.wasi = &wasiState{
		stdout: stdout, stderr: stderr,
		rand: rand.New(rand.NewSource(42)),
		wall: fakeEpochNanos - ms, mono: -ms,
	}
	def := func(name string, params, results int, f func(s *wasiState, mem []byte, a []wt.Val) int32) {
		l.FuncNew(wasiModule, name, wt.NewFuncType(i32s(params), i32s(results)), func(c *wt.Caller, a []wt.Val) ([]wt.Val, *wt.Trap) {
			d := DataOf(c)
			if d == nil || d.wasi == nil {
				return nil, wt.NewTrap("wasmbridge/wasmtime: WASI state missing")
			}
			errno := f(d.wasi, guestMemory(c, d), a)
			if errno == exitCall {
				d.exit = &ExitError{Code: uint32(a[0].I32())}
				return nil, wt.NewTrap("proc_exit")
			}
			if results == 0 {
				return nil, nil
			}
			return []wt.Val{wt.ValI32(errno)}, nil
		})
	}
	u32 := func(v wt.Val) uint32 { return uint32(v.I32()) }
	put32 := func(mem []byte, p uint32, v uint32) bool {
		if uint64(p)+4 > uint64(len(mem)) {
			return false
		}
		binary.LittleEndian.PutUint32(mem[p:], v)
		return true
	}
	sizes := func(s *wasiState, mem []byte, a []wt.Val) int32 {
		if !put32(mem, u32(a[0]), 0) || !put32(mem, u32(a[1]), 0) {
			return errFault
		}
		return 0
	}
	none := func(s *wasiState, mem []byte, a []wt.Val) int32 { return 0 }
	def("args_sizes_get", 2, 1, sizes)
	def("environ_sizes_get", 2, 1, sizes)
	def("args_get", 2, 1, none)
	def("environ_get", 2, 1, none)
	def("sched_yield", 0, 1, none)
	def("proc_exit", 1, 0, func(s *wasiState, mem []byte, a []wt.Val) int32 { return exitCall })
	def("random_get", 2, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 {
		p, n := u32(a[0]), u32(a[1])
		if uint64(p)+uint64(n) > uint64(len(mem)) {
			return errFault
		}
		if _, err := io.ReadAtLeast(s.rand, mem[p:p+n], int(n)); err != nil {
			return errIO
		}
		return 0
	})
	def("fd_write", 4, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 {
		fd, iovs, n, nw := a[0].I32(), u32(a[1]), u32(a[2]), u32(a[3])
		var w io.Writer
		switch fd {
		case 1:
			w = s.stdout
		case 2:
			w = s.stderr
		default:
			return errBadf
		}
		total := uint32(0)
		for i := uint32(0); i < n; i++ {
			e := uint64(iovs) + 8*uint64(i)
			if e+8 > uint64(len(mem)) {
				return errFault
			}
			p, l := binary.LittleEndian.Uint32(mem[e:]), binary.LittleEndian.Uint32(mem[e+4:])
			if uint64(p)+uint64(l) > uint64(len(mem)) {
				return errFault
			}
			if w != nil {
				w.Write(mem[p : p+l])
			}
			total += l
		}
		if !put32(mem, nw, total) {
			return errFault
		}
		return 0
	})
	def("fd_close", 1, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 {
		if fd := a[0].I32(); fd >= 0 && fd <= 2 {
			return 0
		}
		return errBadf
	})
	def("fd_fdstat_get", 2, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 {
		fd, p := a[0].I32(), u32(a[1])
		if fd < 0 || fd > 2 {
			return errBadf
		}
		if uint64(p)+24 > uint64(len(mem)) {
			return errFault
		}
		b := mem[p : p+24]
		clear(b)
		b[0] = filetypeBlockDevice
		binary.LittleEndian.PutUint64(b[8:], stdioRights)
		return 0
	})
	def("fd_fdstat_set_flags", 2, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 {
		fd, flags := a[0].I32(), uint32(a[1].I32())
		if flags&(fdDsync|fdRsync|fdSync) != 0 {
			return errInval
		}
		if fd < 0 || fd > 2 {
			return errBadf
		}
		if flags&fdNonblock != 0 {
			return errNosys
		}
		return 0
	})
	def("fd_prestat_get", 2, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 { return errBadf })
	def("fd_prestat_dir_name", 3, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 { return errBadf })
	def("poll_oneoff", 4, 1, func(s *wasiState, mem []byte, a []wt.Val) int32 { return errNosys })
	// clock_time_get(id i32, precision i64, result i32) -> errno
	l.FuncNew(wasiModule, "clock_time_get", wt.NewFuncType([]*wt.ValType{wt.NewValType(wt.KindI32), wt.NewValType(wt.KindI64), wt.NewValType(wt.KindI32)}, i32s(1)),
		func(c *wt.Caller, a []wt.Val) ([]wt.Val, *wt.Trap) {
			d := DataOf(c)
			s, mem := d.wasi, guestMemory(c, d)
			p := uint32(a[2].I32())
			var v int64
			switch a[0].I32() {
			case 0: // realtime
				s.wall += ms
				v = s.wall
			case 1: // monotonic
				s.mono += ms
				v = s.mono
			default:
				return []wt.Val{wt.ValI32(errInval)}, nil
			}
			if uint64(p)+8 > uint64(len(mem)) {
				return []wt.Val{wt.ValI32(errFault)}, nil
			}
			binary.LittleEndian.PutUint64(mem[p:], uint64(v))
			return []wt.Val{wt.ValI32(0)}, nil
		})
}

const wasiModule = "wasi_snapshot_preview1"

type wasiState struct {
	stdout, stderr io.Writer
	rand           *rand.Rand
	wall, mono     int64
}

const (
	ms             = int64(1_000_000)
	fakeEpochNanos = 1640995200000 * ms // 2022-01-01T00:00:00Z, as wazero's fake clock

	exitCall = -1 // internal: proc_exit

	errBadf  = 8
	errFault = 21
	errInval = 28
	errIO    = 29
	errNosys = 52

	filetypeBlockDevice = 1 // what wazero reports for stdio that is not an *os.File

	fdDsync    = 1 << 1
	fdNonblock = 1 << 2
	fdRsync    = 1 << 3
	fdSync     = 1 << 4

	// fd_datasync, fd_read, fd_seek, fd_fdstat_set_flags, fd_sync,
	// fd_tell, fd_write, fd_advise, fd_allocate,
	// fd_filestat_get/set_size/set_times, poll_fd_readwrite: wazero's rights
	// of a file that is not a directory or character device.
	stdioRights = 1<<0 | 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<5 | 1<<6 | 1<<7 | 1<<8 | 1<<21 | 1<<22 | 1<<23 | 1<<27
)
