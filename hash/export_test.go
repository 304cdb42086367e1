package hash

// XXH64Impls exposes both XXH64 implementations to the external tests.
var XXH64Impls = map[string]func(b []byte, seed uint64) uint64{
	"generic": xxh64Generic,
	"cespare": xxh64Cespare,
}
