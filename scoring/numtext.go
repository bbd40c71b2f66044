package scoring

// Num as text: read from the plain decimals of files and typed values,
// printed with a fixed or a short number of decimals, and in JSON.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// ParseNum reads a plain decimal such as "12", "-0.5" or "92.25" (no exponent,
// no separators). It is the form numbers take in scorecard files.
// It takes at most MaxDigits digits, so that reading is instant.
func ParseNum(s string) (Num, error) {
	if !isPlainDecimal(s) {
		return Num{}, fmt.Errorf("%s is not a plain decimal number", Clip(s))
	}
	if n := countDigits(s); n > MaxDigits {
		return Num{}, fmt.Errorf("%s has %d digits, more than the %d a number may have", Clip(s), n, MaxDigits)
	}
	neg := s[0] == '-'
	digits := strings.TrimLeft(s, "+-")
	if len(digits) <= 18 { // fits: at most 18 digits and a point
		var n, d int64 = 0, 1
		frac := false
		for i := 0; i < len(digits); i++ {
			if digits[i] == '.' {
				frac = true
				continue
			}
			n = n*10 + int64(digits[i]-'0')
			if frac {
				d *= 10
			}
		}
		if neg {
			n = -n
		}
		return small(n, d), nil
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Num{}, fmt.Errorf("%s is not a plain decimal number", Clip(s))
	}
	return fromRat(r), nil
}

// countDigits counts the digits of s, but for leading zeros.
func countDigits(s string) int {
	n, lead := 0, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '0' && lead:
		case c >= '0' && c <= '9':
			n, lead = n+1, false
		}
	}
	return n
}

// MustNum is ParseNum for constants in code and tests; it panics on bad input.
func MustNum(s string) Num {
	n, err := ParseNum(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsPlainDecimal reports whether s is written as ParseNum reads numbers
// (of any length): the results file's formula rule (SPEC 7) spares them.
func IsPlainDecimal(s string) bool { return isPlainDecimal(s) }

// isPlainDecimal accepts an optional sign, digits and an optional fraction:
// "5", "-5", "+5.25", ".5", "5." are accepted; "1e3", "1,5", "" are not.
func isPlainDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// Fixed prints x with exactly d decimals, rounding halves away from zero;
// a result of zero is printed without a minus sign.
func (x Num) Fixed(d int) string {
	r, w, ok := x.roundTo(d, halfAway)
	if r.IsZero() {
		r, w = Num{}, 0
	}
	if !ok {
		return r.rat().FloatString(d)
	}
	return fixedText(w < 0, abs64(w), d)
}

// fixedText prints u / 10^d with exactly d decimals.
func fixedText(neg bool, u uint64, d int) string {
	var digits [24]byte
	ds := strconv.AppendUint(digits[:0], u, 10)
	var out [48]byte
	o := out[:0]
	if neg {
		o = append(o, '-')
	}
	whole := len(ds) - d
	if whole <= 0 {
		o = append(o, '0')
	} else {
		o = append(o, ds[:whole]...)
	}
	if d > 0 {
		o = append(o, '.')
		for i := whole; i < 0; i++ {
			o = append(o, '0')
		}
		o = append(o, ds[max(whole, 0):]...)
	}
	return string(o)
}

// Short prints x rounded to at most d decimals (halves away from zero) with
// trailing zeros dropped: 11.538461… with d=4 is "11.5385", 2.50 is "2.5",
// and −0.00001 is "0".
func (x Num) Short(d int) string {
	s := x.Fixed(d)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// String prints x exactly when it has a finite decimal expansion, otherwise
// rounded to 12 decimals; it is for messages and debugging, never for scores.
func (x Num) String() string {
	r := x.rat()
	if r.IsInt() {
		return r.Num().String()
	}
	// A fraction terminates when its denominator has no prime factor but 2 and 5.
	den := new(big.Int).Set(r.Denom())
	twos, fives := 0, 0
	for den.Bit(0) == 0 {
		den.Rsh(den, 1)
		twos++
	}
	five, m := big.NewInt(5), new(big.Int)
	for {
		q, rem := new(big.Int).QuoRem(den, five, m)
		if rem.Sign() != 0 {
			break
		}
		den = q
		fives++
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return x.Short(12)
	}
	return r.FloatString(max(twos, fives))
}

// MarshalJSON writes x as a JSON number, exactly when it terminates.
func (x Num) MarshalJSON() ([]byte, error) { return []byte(x.String()), nil }

// UnmarshalJSON reads a JSON number written as a plain decimal, or a plain
// decimal in a JSON string (as the app's saved state held what-if values
// before they were typed).
func (x *Num) UnmarshalJSON(b []byte) error {
	s := string(b)
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	n, err := ParseNum(s)
	if err != nil {
		return err
	}
	*x = n
	return nil
}
