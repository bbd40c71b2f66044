package scoring

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
)

// FuzzNumArith checks the int64 fast path of Num against math/big: every
// operation gives the same exact value, near overflow too.
func FuzzNumArith(f *testing.F) {
	f.Add(int64(60), int64(520), int64(-7), int64(3), uint8(1))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(2), uint8(4))
	f.Add(int64(math.MinInt64), int64(3), int64(-1), int64(math.MaxInt64), uint8(0))
	f.Add(int64(205), int64(100), int64(-205), int64(100), uint8(1))
	f.Fuzz(func(t *testing.T, a, b, c, d int64, dec uint8) {
		if b == 0 || d == 0 {
			return
		}
		x, y := Frac(a, b), Frac(c, d)
		rx, ry := big.NewRat(a, b), big.NewRat(c, d)
		check := func(op string, got Num, want *big.Rat) {
			if got.rat().Cmp(want) != 0 {
				t.Fatalf("%s(%d/%d, %d/%d) = %s, want %s", op, a, b, c, d, got.rat().RatString(), want.RatString())
			}
		}
		check("add", x.Add(y), new(big.Rat).Add(rx, ry))
		check("sub", x.Sub(y), new(big.Rat).Sub(rx, ry))
		check("mul", x.Mul(y), new(big.Rat).Mul(rx, ry))
		check("neg", x.Neg(), new(big.Rat).Neg(rx))
		if c != 0 {
			check("div", x.Div(y), new(big.Rat).Quo(rx, ry))
		}
		if got, want := x.Cmp(y), rx.Cmp(ry); got != want {
			t.Fatalf("cmp(%d/%d, %d/%d) = %d, want %d", a, b, c, d, got, want)
		}
		// Rounding agrees with the big form of the same number.
		places := int(dec % 8)
		bigX := Num{b: rx}
		for _, pair := range [][2]Num{{x.Round(places), bigX.Round(places)}, {x.Ceil(places), bigX.Ceil(places)}, {x.Floor(places), bigX.Floor(places)}} {
			if !pair[0].Equal(pair[1]) {
				t.Fatalf("rounding %d/%d to %d places: %s (small) and %s (big)", a, b, places, pair[0], pair[1])
			}
		}
		if x.Fixed(places) != bigX.Fixed(places) || x.String() != bigX.String() {
			t.Fatalf("printing %d/%d: %s %s / %s %s", a, b, x.Fixed(places), bigX.Fixed(places), x.String(), bigX.String())
		}
	})
}

func TestNumZeroValue(t *testing.T) {
	var z Num
	if !z.IsZero() || z.String() != "0" || !z.Add(N(2)).Equal(N(2)) || !z.Mul(N(5)).IsZero() || z.Fixed(2) != "0.00" || !z.IsInt() {
		t.Error("the zero value must be 0")
	}
	if !N(3).Div(Frac(3, 2)).Equal(N(2)) {
		t.Error("3 / 1.5")
	}
}

// TestNumJSON: a Num reads back what it writes, and reads the strings the
// app's saved state held before its values were typed.
func TestNumJSON(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`85`, "85"}, {`"85"`, "85"}, {`"92.5"`, "92.5"}, {`-3.25`, "-3.25"},
	} {
		var n Num
		if err := json.Unmarshal([]byte(tc.in), &n); err != nil || n.String() != tc.want {
			t.Errorf("%s: %s, %v", tc.in, n, err)
		}
		b, _ := json.Marshal(n)
		var back Num
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(n) {
			t.Errorf("%s: wrote %s, read back %s, %v", tc.in, b, back, err)
		}
	}
	for _, bad := range []string{`"high"`, `1e3`, `"1,5"`, `true`, `"` + strings.Repeat("9", 31) + `"`} {
		var n Num
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s: read as %s", bad, n)
		}
	}
}

// TestInt64Saturates (issue 25): counts past 2⁶³ saturate, never wrap:
// 18446744073709551620 calls once read as 4, and 2⁶³ surveys as −2⁶³.
func TestInt64Saturates(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"18446744073709551620", math.MaxInt64},
		{"9223372036854775808", math.MaxInt64},
		{"-9223372036854775809", math.MinInt64},
		{"9223372036854775807", math.MaxInt64},
		{"123456789012345678901234567890", math.MaxInt64},
		{"7.9", 7},
	} {
		if got := MustNum(tc.in).Int64(); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.in, got, tc.want)
		}
	}
}
