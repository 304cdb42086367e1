// Package sig links in the signature-verification host functions (family
// "signature"); each scheme lives in its own subpackage.
package sig

import (
	// Each subpackage registers its functions with core.Default.
	_ "github.com/hostcrypto/hostcrypto/sig/bls"
	_ "github.com/hostcrypto/hostcrypto/sig/eddsa"
	_ "github.com/hostcrypto/hostcrypto/sig/p256"
	_ "github.com/hostcrypto/hostcrypto/sig/secp256k1"
)
