package scoring

import (
	"fmt"
	"math/big"
	"strings"
)

// Num is an exact rational number. Every value from input text to a pass
// decision is a Num: ratios such as 60/520 stay exact, and rounding happens
// only where the scorecard says. The zero value is 0. Nums are immutable:
// every operation returns a new value.
type Num struct{ r *big.Rat }

// N returns the whole number n.
func N(n int64) Num { return Num{new(big.Rat).SetInt64(n)} }

// Frac returns a/b; b must not be 0.
func Frac(a, b int64) Num { return Num{big.NewRat(a, b)} }

// ParseNum reads a plain decimal such as "12", "-0.5" or "92.25" (no exponent,
// no separators). It is the form numbers take in scorecard files.
func ParseNum(s string) (Num, error) {
	if !isPlainDecimal(s) {
		return Num{}, fmt.Errorf("%q is not a plain decimal number", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Num{}, fmt.Errorf("%q is not a plain decimal number", s)
	}
	return Num{r}, nil
}

// MustNum is ParseNum for constants in code and tests; it panics on bad input.
func MustNum(s string) Num {
	n, err := ParseNum(s)
	if err != nil {
		panic(err)
	}
	return n
}

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

func (x Num) rat() *big.Rat {
	if x.r == nil {
		return new(big.Rat)
	}
	return x.r
}

// Add returns x + y.
func (x Num) Add(y Num) Num { return Num{new(big.Rat).Add(x.rat(), y.rat())} }

// Sub returns x − y.
func (x Num) Sub(y Num) Num { return Num{new(big.Rat).Sub(x.rat(), y.rat())} }

// Mul returns x × y.
func (x Num) Mul(y Num) Num { return Num{new(big.Rat).Mul(x.rat(), y.rat())} }

// Div returns x / y. Callers check y first: dividing by zero panics.
func (x Num) Div(y Num) Num { return Num{new(big.Rat).Quo(x.rat(), y.rat())} }

// Neg returns −x.
func (x Num) Neg() Num { return Num{new(big.Rat).Neg(x.rat())} }

// Cmp compares x and y: −1, 0 or +1.
func (x Num) Cmp(y Num) int { return x.rat().Cmp(y.rat()) }

// Sign returns −1, 0 or +1.
func (x Num) Sign() int { return x.rat().Sign() }

// IsZero reports whether x is 0.
func (x Num) IsZero() bool { return x.Sign() == 0 }

// Equal reports whether x and y are the same number.
func (x Num) Equal(y Num) bool { return x.Cmp(y) == 0 }

// Less reports whether x < y.
func (x Num) Less(y Num) bool { return x.Cmp(y) < 0 }

// IsInt reports whether x is a whole number.
func (x Num) IsInt() bool { return x.rat().IsInt() }

// Min returns the smaller of x and y.
func Min(x, y Num) Num {
	if y.Less(x) {
		return y
	}
	return x
}

// Max returns the larger of x and y.
func Max(x, y Num) Num {
	if x.Less(y) {
		return y
	}
	return x
}

func pow10(d int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil) }

// scaled returns the numerator and denominator of x × 10^d.
func (x Num) scaled(d int) (*big.Int, *big.Int) {
	r := x.rat()
	num := new(big.Int).Mul(r.Num(), pow10(d))
	return num, r.Denom()
}

// Round rounds x to d decimals, halves away from zero, as a spreadsheet's
// ROUND does: 2.05 to one decimal is 2.1 and −2.05 is −2.1.
func (x Num) Round(d int) Num {
	num, den := x.scaled(d)
	neg := num.Sign() < 0
	num.Abs(num)
	// floor((2·num + den) / (2·den)) is the nearest whole, halves up.
	q := new(big.Int).Mul(num, big.NewInt(2))
	q.Add(q, den)
	q.Quo(q, new(big.Int).Mul(den, big.NewInt(2)))
	if neg {
		q.Neg(q)
	}
	return Num{new(big.Rat).SetFrac(q, pow10(d))}
}

// Ceil rounds x up (towards +∞) to d decimals.
func (x Num) Ceil(d int) Num {
	num, den := x.scaled(d)
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // Euclidean: q is the floor
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return Num{new(big.Rat).SetFrac(q, pow10(d))}
}

// Floor rounds x down (towards −∞) to d decimals.
func (x Num) Floor(d int) Num {
	num, den := x.scaled(d)
	q := new(big.Int).Div(num, den) // Euclidean division floors for a positive divisor
	return Num{new(big.Rat).SetFrac(q, pow10(d))}
}

// Fixed prints x with exactly d decimals, rounding halves away from zero;
// a result of zero is printed without a minus sign.
func (x Num) Fixed(d int) string {
	r := x.Round(d).rat()
	if r.Sign() == 0 {
		r = new(big.Rat)
	}
	return r.FloatString(d)
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
	d := 0
	for _, p := range []int64{2, 5} {
		bp := big.NewInt(p)
		for new(big.Int).Mod(den, bp).Sign() == 0 {
			den.Quo(den, bp)
		}
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return x.Short(12)
	}
	for !new(big.Rat).Mul(r, new(big.Rat).SetInt(pow10(d))).IsInt() {
		d++
	}
	return r.FloatString(d)
}

// MarshalJSON writes x as a JSON number, exactly when it terminates.
func (x Num) MarshalJSON() ([]byte, error) { return []byte(x.String()), nil }

// Int64 returns x truncated towards zero, for counts known to be whole.
func (x Num) Int64() int64 {
	q := new(big.Int).Quo(x.rat().Num(), x.rat().Denom())
	return q.Int64()
}

// Step returns 10^−d, the step between numbers rounded to d decimals.
func Step(d int) Num { return Num{new(big.Rat).SetFrac(big.NewInt(1), pow10(d))} }
