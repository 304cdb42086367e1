package guest_test

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/guest"
)

// TestCodesMatchCore keeps the guest's mirror of the status codes exact.
func TestCodesMatchCore(t *testing.T) {
	for _, c := range core.Codes() {
		if got := guest.Error(c).Error(); got != "hostcrypto: "+c.String() {
			t.Errorf("code %d: guest says %q, core says %q", c, got, c.String())
		}
	}
	if len(core.Codes()) != 12 {
		t.Fatalf("core has %d codes; update package guest", len(core.Codes()))
	}
}
